export declare const buildWorkspaceAssets: (outputDir: string) => Promise<{ publicDir: string; templatesDir: string; files: string }>;
export declare const ensureWorkspaceAssets: (outputDir: string) => Promise<void>;
