/** The built-in demo workspace's id (its content is built by demoWorkspace.ts, loaded on demand). */
export const DEMO_WORKSPACE_ID = 'demo';
