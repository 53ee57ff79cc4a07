export function freePort(start: number, host?: string, tries?: number, exclude?: number[]): Promise<number | null>;
