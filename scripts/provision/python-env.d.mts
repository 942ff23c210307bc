/** Types of python-env.mjs for the TypeScript files that import it. */
export declare const REPO: string;
export declare const PYTHON: string;
export declare const CACHE: string;
export declare const UNPACKED: string;
export declare const STAMP: string;
export declare function pythonEnv(env?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
