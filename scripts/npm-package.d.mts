export interface PackedFile {
  path: string;
  size: number;
  mode: number;
}
export interface PackedPackage {
  tarball: string;
  bytes: number;
  unpackedBytes: number;
  files: PackedFile[];
}
export declare function npm(args: string[], options?: { cwd?: string; quiet?: boolean }): Promise<string>;
export declare function packPackage(options?: { destination?: string; quiet?: boolean }): Promise<PackedPackage>;
export declare function installPackage(tarball: string, prefix: string): Promise<{ bin: string; packageRoot: string }>;
