// Types of build-image.mjs for the TypeScript tests that import it.
export declare const sourceDir: string;
export declare const imagePath: string;
export declare function librarySources(): { path: string; text: string }[];
export declare function hasJavac(): boolean;
export declare function compileWithJavac(outDir?: string): Map<string, Uint8Array>;
export declare function buildImage(options?: { javac?: boolean }): Promise<{ classes: number; bytes: number; compiler: string }>;
