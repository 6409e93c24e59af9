export declare const repoRoot: string;
export declare function manifest(): Record<string, unknown>;
export declare function defaultVsixPath(): string;
export declare function run(command: string, args: string[], options?: { cwd?: string; quiet?: boolean; env?: NodeJS.ProcessEnv }): Promise<string>;
export declare function stageRepository(prefix: string): Promise<string>;
export declare function packageExtension(options?: { out?: string; quiet?: boolean }): Promise<{ vsix: string; bytes: number; files: string[] }>;
