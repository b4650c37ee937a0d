import * as vscode from 'vscode';
import { DEFAULT_SEVERITY, isIncluded, LEVEL_SEVERITY, LEVELS, RULE_IDS, type CheckOptions, type Level, type ProjectConfig, type RuleId, type Severity } from '../core';
import { PREFIX } from './names';

/** A rule's level as the user writes it in settings; `off` hides the rule. */
export type { Level };

/** One snapshot of the `factCheck.*` settings, read once per configuration change. */
export interface Settings {
  include: string[];
  exclude: string[];
  levels: Record<RuleId, Level>;
  reportUnverifiedQuotes: boolean;
  debounceMs: number;
  /** Workspace-relative (or absolute) path of another fact sheet; empty for the bundled one. */
  factSheet: string;
}

export const DEFAULT_INCLUDE = ['**/*.md', '**/*.markdown', '**/*.txt'];
export const DEFAULT_DEBOUNCE_MS = 200;

const FROM_CORE: Record<Severity, Level> = { error: 'error', warning: 'warning', info: 'information', hint: 'hint' };

const stringList = (value: unknown, fallback: string[]): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '') : fallback;

/** Reads the settings; invalid values fall back to the defaults instead of throwing. */
export function readSettings(): Settings {
  const config = vscode.workspace.getConfiguration(PREFIX);
  const userLevels = config.get<Record<string, unknown>>('severity') ?? {};
  const levels = {} as Record<RuleId, Level>;
  for (const rule of RULE_IDS) {
    const raw = userLevels[rule] === 'info' ? 'information' : userLevels[rule];
    levels[rule] = LEVELS.includes(raw as Level) ? (raw as Level) : FROM_CORE[DEFAULT_SEVERITY[rule]];
  }
  const debounce = config.get<unknown>('debounceMs');
  return {
    include: stringList(config.get('include'), DEFAULT_INCLUDE),
    exclude: stringList(config.get('exclude'), []),
    levels,
    reportUnverifiedQuotes: config.get<unknown>('reportUnverifiedQuotes') !== false,
    debounceMs: typeof debounce === 'number' && Number.isFinite(debounce) && debounce >= 0 ? debounce : DEFAULT_DEBOUNCE_MS,
    factSheet: (config.get<string>('factSheet') ?? '').trim(),
  };
}

/** The core's options for these settings: the same configuration the CLI passes. */
export function checkOptions(settings: Settings, markdown: boolean): CheckOptions {
  const severities: CheckOptions['severities'] = {};
  for (const rule of RULE_IDS) {
    const level = settings.levels[rule];
    if (level !== 'off') severities[rule] = LEVEL_SEVERITY[level];
  }
  return { severities, reportUnverifiedQuotes: settings.reportUnverifiedQuotes, markdown };
}

/** Whether a workspace-relative path is matched by `include` and not by `exclude`. */
export function isPathIncluded(settings: Settings, relativePath: string): boolean {
  return isIncluded(relativePath, settings.include, settings.exclude);
}

/** The editor severity for a level other than `off`. */
export function toDiagnosticSeverity(level: Exclude<Level, 'off'>): vscode.DiagnosticSeverity {
  switch (level) {
    case 'error':
      return vscode.DiagnosticSeverity.Error;
    case 'warning':
      return vscode.DiagnosticSeverity.Warning;
    case 'information':
      return vscode.DiagnosticSeverity.Information;
    case 'hint':
      return vscode.DiagnosticSeverity.Hint;
  }
}

/**
 * The settings for a draft under a project file: the file's levels win for the rules it names,
 * and its `reportUnverifiedQuotes` when it sets it (the desk's shared policy, which the CLI
 * applies too); user settings decide the rest.
 */
export function withProjectConfig(settings: Settings, config: ProjectConfig | undefined): Settings {
  if (!config) return settings;
  return {
    ...settings,
    levels: { ...settings.levels, ...config.severity },
    reportUnverifiedQuotes: config.reportUnverifiedQuotes ?? settings.reportUnverifiedQuotes,
  };
}
