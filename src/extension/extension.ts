// Placeholder until the VS Code adapter lands (issue 6).
export function activate(): void {}
export function deactivate(): void {}
