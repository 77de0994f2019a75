export declare const buildWorkspaceAssets: (outputDir: string) => Promise<void>;
export declare const ensureWorkspaceAssets: (outputDir: string) => Promise<void>;
