// How the server's Node process starts, the same from the editor's client, the imr-language-server command (its
// shebang, written by scripts/build.mjs from launch.json) and the benchmark: the server mostly waits for an editor.
import launch from './launch.json';

/**
 * Node's options for the server process. Every thread's young generation stays at 1 MB a semi-space (V8's default
 * grows the main thread's to 16 MB): the main thread passes messages, and the checking thread's short-lived parse
 * nodes are promoted a little sooner, for a few percent more CPU in a check of a 20 KB draft.
 */
export const SERVER_NODE_OPTIONS: readonly string[] = launch.nodeOptions;

/**
 * The environment added to the server's. glibc's malloc gives each thread that allocates its own arena (the
 * checking thread and V8's helper threads), and what one frees stays with it; two arenas shared by all hold
 * about 15 MB less. Other C libraries ignore it.
 */
export const SERVER_ENVIRONMENT: Readonly<Record<string, string>> = launch.environment;
