/**
 * SARIF 2.1.0 (OASIS), for code-scanning dashboards: one run, the rules with their README help
 * links, one result per finding with its fixes as `fixes`. Regions are 1-based lines and columns
 * counted in UTF-16 code units (`columnKind: "utf16CodeUnits"`), the columns the editor uses;
 * `endColumn` is just past the flagged text. Paths are relative to the working directory
 * (`uriBaseId: "SRCROOT"`), as code-scanning uploads expect.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { DEFAULT_SEVERITY, RULE_IDS, type RuleId, type Severity } from '../../core';
import type { FileReport, Report } from '../report';
import { README_URI, RULE_INFO, ruleHelpUri } from './rules';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
const LEVEL: Record<Severity, Sarif.Result.level> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

function artifactLocation(displayPath: string): Sarif.ArtifactLocation {
  if (path.isAbsolute(displayPath)) return { uri: pathToFileURL(displayPath).href };
  // Either separator (a path given as drafts/a.md on Windows keeps its /).
  return { uri: displayPath.split(/[\\/]/).map(encodeURIComponent).join('/'), uriBaseId: 'SRCROOT' };
}

function region(f: FileReport, start: number, end: number): Sarif.Region {
  const s = f.lines.position(start);
  const e = f.lines.position(end);
  return { startLine: s.line + 1, startColumn: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
}

export function formatSarif(report: Report): string {
  const rules: Sarif.ReportingDescriptor[] = RULE_IDS.map((id) => ({
    id,
    name: RULE_INFO[id].name,
    shortDescription: { text: RULE_INFO[id].short },
    fullDescription: { text: RULE_INFO[id].full },
    helpUri: ruleHelpUri(id),
    help: { text: `${RULE_INFO[id].full} See ${ruleHelpUri(id)}` },
    defaultConfiguration: { level: LEVEL[DEFAULT_SEVERITY[id]] },
  }));
  const index = new Map<RuleId, number>(RULE_IDS.map((id, i) => [id, i]));
  const results: Sarif.Result[] = [];
  for (const f of report.files) {
    const location = artifactLocation(f.path);
    for (const x of f.findings) {
      const result: Sarif.Result = {
        ruleId: x.ruleId,
        ruleIndex: index.get(x.ruleId),
        level: LEVEL[x.severity],
        message: { text: x.message },
        locations: [{ physicalLocation: { artifactLocation: location, region: region(f, x.start, x.end) } }],
      };
      if (x.verified) result.properties = { verified: x.verified, factId: x.factId };
      if (x.fixes.length)
        result.fixes = x.fixes.map((fix) => ({
          description: { text: fix.title },
          artifactChanges: [
            { artifactLocation: location, replacements: fix.edits.map((e) => ({ deletedRegion: region(f, e.start, e.end), insertedContent: { text: e.text } })) },
          ],
        }));
      results.push(result);
    }
  }
  const notifications: Sarif.Notification[] = report.problems.map((p) => ({
    level: p.kind === 'error' ? 'error' : 'note',
    message: { text: p.file ? `${p.file}: ${p.message}` : p.message },
    ...(p.file ? { locations: [{ physicalLocation: { artifactLocation: artifactLocation(p.file) } }] } : {}),
  }));
  const log: Sarif.Log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'newsroom-factcheck', version: report.toolVersion, informationUri: README_URI, rules } },
        invocations: [{ executionSuccessful: !report.problems.some((p) => p.kind === 'error'), toolExecutionNotifications: notifications }],
        originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(report.cwd).href.replace(/\/?$/, '/') } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
