import { wording } from '../wording';

/** A node as a problem names it, in each language: `node "Label" (id)`. */
interface Named {
  node: string;
  nodeNl: string;
}

/**
 * A config field named in words (see `fieldWords`): `field` in English, `fieldNl` in Dutch. Texts
 * stored before `fieldNl` existed name the field by its path in both.
 */
interface FieldNl {
  fieldNl?: string;
}

/**
 * The node's connection setting named in words (its title, see `fieldWords`); texts stored before
 * it was a parameter name it by its path.
 */
interface ConnectionField extends FieldNl {
  field?: string;
}

/** Ports listed in each language ("none" when there are none). */
interface Ports {
  ports: string;
  portsNl: string;
}

/** The JavaScript parser's (acorn's) most common messages in Dutch; others stay as they are. */
const PARSER_WORDS_NL: readonly [RegExp, (...groups: string[]) => string][] = [
  [/^Unexpected token$/, () => 'onverwacht teken'],
  [/^Unexpected character '(.*)'$/, (character) => `onverwacht teken '${character}'`],
  [/^Unexpected keyword '(.*)'$/, (keyword) => `onverwacht sleutelwoord '${keyword}'`],
  [/^The keyword '(.*)' is reserved$/, (keyword) => `het sleutelwoord '${keyword}' is gereserveerd`],
  [/^Identifier '(.*)' has already been declared$/, (name) => `'${name}' is al gedeclareerd`],
  [/^Unterminated string constant$/, () => 'tekst tussen aanhalingstekens niet afgesloten'],
  [/^Unterminated template$/, () => 'template-tekst niet afgesloten'],
  [/^Unterminated comment$/, () => 'commentaar niet afgesloten'],
  [/^Unterminated regular expression$/, () => 'reguliere expressie niet afgesloten'],
  [/^Invalid number$/, () => 'ongeldig getal'],
  [/^Assigning to rvalue$/, () => 'toewijzing aan iets wat geen variabele is'],
];

function parserWordsNl(detail: string): string {
  for (const [pattern, words] of PARSER_WORDS_NL) {
    const match = pattern.exec(detail);
    if (match) return words(...match.slice(1));
  }
  return detail;
}

/**
 * What flow validation finds, in English and Dutch (the editor's problems, node badges, the command
 * line's `flows validate`). A node's name comes in both languages: without a label of its own it is
 * named by its kind's label, which has both.
 */
export const problemMessages = {
  flowEmpty: wording<{ flow: string }>(
    ({ flow }) => `Flow "${flow}" has no nodes: add a trigger, a source and a target.`,
    ({ flow }) => `Flow "${flow}" heeft geen nodes: voeg een trigger, een bron en een doel toe.`,
  ),
  nodeDuplicateId: wording<{ flow: string; id: string }>(
    ({ flow, id }) => `Flow "${flow}": two nodes have the id "${id}".`,
    ({ flow, id }) => `Flow "${flow}": twee nodes hebben de id "${id}".`,
  ),
  nodeUnknownKind: wording<{ flow: string; kind: string } & Named>(
    ({ flow, node, kind }) => `Flow "${flow}": ${node} has the unknown kind "${kind}".`,
    ({ flow, nodeNl, kind }) => `Flow "${flow}": ${nodeNl} is van een onbekende soort, "${kind}".`,
  ),
  nodeUnknownVersion: wording<{ flow: string; kind: string; version: number; known: string } & Named>(
    ({ flow, node, kind, version, known }) =>
      `Flow "${flow}": ${node}: ${kind} has no version ${version} (known: ${known}).`,
    ({ flow, nodeNl, kind, version, known }) =>
      `Flow "${flow}": ${nodeNl}: ${kind} heeft geen versie ${version} (bekend: ${known}).`,
  ),
  nodeDeprecated: wording<{ flow: string; kind: string; version: number; current?: number } & Named>(
    ({ flow, node, kind, version, current }) =>
      `Flow "${flow}": ${node} uses ${kind}@${version}, which is deprecated${current !== undefined ? `; version ${current} is current` : ''}.`,
    ({ flow, nodeNl, kind, version, current }) =>
      `Flow "${flow}": ${nodeNl} gebruikt ${kind}@${version}, die verouderd is${current !== undefined ? `; versie ${current} is de huidige` : ''}.`,
  ),
  nodeConfig: wording<{ flow: string; field?: string; issue: string; issueNl: string } & Named & FieldNl>(
    ({ flow, node, field, issue }) => `Flow "${flow}": ${node}${field ? `, field "${field}"` : ''}: ${issue}`,
    ({ flow, nodeNl, field, fieldNl, issueNl }) =>
      `Flow "${flow}": ${nodeNl}${field ? `, veld "${fieldNl ?? field}"` : ''}: ${issueNl}`,
  ),
  nodeUnknownSetting: wording<{ flow: string; field: string } & Named & FieldNl>(
    ({ flow, node, field }) =>
      `Flow "${flow}": ${node} has a setting "${field}" that this kind of node does not know; it is ignored (a typo, or a setting of another Koppel version?).`,
    ({ flow, nodeNl, field, fieldNl }) =>
      `Flow "${flow}": ${nodeNl} heeft een instelling "${fieldNl ?? field}" die dit soort node niet kent; die wordt genegeerd (een tikfout, of een instelling van een andere Koppel-versie?).`,
  ),
  nodeMapsNothing: wording<{ flow: string } & Named>(
    ({ flow, node }) =>
      `Flow "${flow}": ${node} maps no fields, so its records leave empty: map at least one field, or turn on "Keep other fields".`,
    ({ flow, nodeNl }) =>
      `Flow "${flow}": ${nodeNl} koppelt geen velden, dus zijn records gaan leeg verder: koppel minstens één veld, of zet "Overige velden behouden" aan.`,
  ),
  nodeScriptSyntax: wording<
    {
      flow: string;
      field: string;
      line: number;
      column?: number;
      /** Found past the last line: something opened is not closed (see ScriptSyntaxError). */
      atEnd?: boolean;
      detail: string;
    } & Named &
      FieldNl
  >(
    ({ flow, node, field, line, column, atEnd, detail }) =>
      atEnd
        ? `Flow "${flow}": ${node}, field "${field}": syntax error at the end of the code (line ${line}): a bracket, brace or quote it opens is not closed, or one is closed too often (${detail}).`
        : `Flow "${flow}": ${node}, field "${field}": syntax error on line ${line}${column !== undefined ? `, column ${column}` : ''}: ${detail}.`,
    ({ flow, nodeNl, field, fieldNl, line, column, atEnd, detail }) =>
      atEnd
        ? `Flow "${flow}": ${nodeNl}, veld "${fieldNl ?? field}": syntaxfout aan het eind van de code (regel ${line}): een haakje, accolade of aanhalingsteken dat de code opent, wordt niet gesloten, of er wordt er één te veel gesloten (${parserWordsNl(detail)}).`
        : `Flow "${flow}": ${nodeNl}, veld "${fieldNl ?? field}": syntaxfout op regel ${line}${column !== undefined ? `, kolom ${column}` : ''}: ${parserWordsNl(detail)}.`,
  ),
  nodeConnectionUnknown: wording<{ flow: string; id: string; known?: string } & ConnectionField & Named>(
    ({ flow, node, field, id, known }) =>
      `Flow "${flow}": ${node}, field "${field ?? 'connectionId'}": there is no connection "${id}" (${known ? `known: ${known}` : 'none set up yet'}).`,
    ({ flow, nodeNl, field, fieldNl, id, known }) =>
      `Flow "${flow}": ${nodeNl}, veld "${fieldNl ?? field ?? 'connectionId'}": er is geen koppeling "${id}" (${known ? `bekend: ${known}` : 'nog geen ingesteld'}).`,
  ),
  nodeConnectionOtherKind: wording<
    { flow: string; id: string; kind: string; wanted: string } & ConnectionField & Named
  >(
    ({ flow, node, field, id, kind, wanted }) =>
      `Flow "${flow}": ${node}, field "${field ?? 'connectionId'}": connection "${id}" is a ${kind} connection; this node needs a ${wanted} one.`,
    ({ flow, nodeNl, field, fieldNl, id, kind, wanted }) =>
      `Flow "${flow}": ${nodeNl}, veld "${fieldNl ?? field ?? 'connectionId'}": koppeling "${id}" is een ${kind}-koppeling; deze node heeft een ${wanted}-koppeling nodig.`,
  ),
  nodeConnectionSandboxOff: wording<{ flow: string; id: string } & ConnectionField & Named>(
    ({ flow, node, field, id }) =>
      `Flow "${flow}": ${node}, field "${field ?? 'connectionId'}": connection "${id}" belongs to the sandbox, which is off in Settings: turn it on, or choose another connection.`,
    ({ flow, nodeNl, field, fieldNl, id }) =>
      `Flow "${flow}": ${nodeNl}, veld "${fieldNl ?? field ?? 'connectionId'}": koppeling "${id}" hoort bij de sandbox, die uit staat in Instellingen: zet hem aan, of kies een andere koppeling.`,
  ),
  nodeConnectionNone: wording<{ flow: string; wanted: string } & Named>(
    ({ flow, node, wanted }) =>
      `Flow "${flow}": ${node} has no ${wanted} connection to use: connect one on the Connections screen, or turn the sandbox on in Settings.`,
    ({ flow, nodeNl, wanted }) =>
      `Flow "${flow}": ${nodeNl} heeft geen ${wanted}-koppeling: verbind er een op het scherm Koppelingen, of zet de sandbox aan in Instellingen.`,
  ),
  edgeDuplicateId: wording<{ flow: string; id: string }>(
    ({ flow, id }) => `Flow "${flow}": two edges have the id "${id}".`,
    ({ flow, id }) => `Flow "${flow}": twee lijnen hebben de id "${id}".`,
  ),
  edgeDangling: wording<{ flow: string; edge: string; missing: string }>(
    ({ flow, edge, missing }) =>
      `Flow "${flow}": edge ${edge} points to node "${missing}", which is not in the flow.`,
    ({ flow, edge, missing }) =>
      `Flow "${flow}": lijn ${edge} wijst naar node "${missing}", die niet in de flow staat.`,
  ),
  edgeUnknownOutput: wording<{ flow: string; port: string } & Named & Ports>(
    ({ flow, node, port, ports }) => `Flow "${flow}": ${node} has no output "${port}" (it has ${ports}).`,
    ({ flow, nodeNl, port, portsNl }) =>
      `Flow "${flow}": ${nodeNl} heeft geen uitvoer "${port}" (wel: ${portsNl}).`,
  ),
  edgeUnknownInput: wording<{ flow: string; port: string } & Named & Ports>(
    ({ flow, node, port, ports }) => `Flow "${flow}": ${node} has no input "${port}" (it has ${ports}).`,
    ({ flow, nodeNl, port, portsNl }) =>
      `Flow "${flow}": ${nodeNl} heeft geen invoer "${port}" (wel: ${portsNl}).`,
  ),
  edgeDuplicate: wording<{ flow: string; edge: string }>(
    ({ flow, edge }) => `Flow "${flow}": edge ${edge} repeats another edge; records would pass twice.`,
    ({ flow, edge }) =>
      `Flow "${flow}": lijn ${edge} herhaalt een andere lijn; records zouden er twee keer langs gaan.`,
  ),
  graphCycle: wording<{ flow: string; names: string; namesNl: string }>(
    ({ flow, names }) => `Flow "${flow}": records would go round in circles between ${names}.`,
    ({ flow, namesNl }) => `Flow "${flow}": records zouden blijven rondgaan tussen ${namesNl}.`,
  ),
  edgePortType: wording<{
    flow: string;
    source: string;
    sourceNl: string;
    carried: string;
    target: string;
    targetNl: string;
    expected: string;
  }>(
    ({ flow, source, carried, target, expected }) =>
      `Flow "${flow}": ${source} sends "${carried}" records, but ${target} expects "${expected}".`,
    ({ flow, sourceNl, carried, targetNl, expected }) =>
      `Flow "${flow}": ${sourceNl} stuurt records van het type "${carried}", maar ${targetNl} verwacht "${expected}".`,
  ),
  flowNoTrigger: wording<{ flow: string }>(
    ({ flow }) => `Flow "${flow}" has no trigger: add "Run by hand" or "On a schedule".`,
    ({ flow }) => `Flow "${flow}" heeft geen trigger: voeg "Handmatig starten" of "Volgens schema" toe.`,
  ),
  nodeNotConnected: wording<{ flow: string } & Named>(
    ({ flow, node }) => `Flow "${flow}": ${node} has nothing connected to its input.`,
    ({ flow, nodeNl }) => `Flow "${flow}": op de invoer van ${nodeNl} is niets aangesloten.`,
  ),
  nodeUnreachable: wording<{ flow: string } & Named>(
    ({ flow, node }) => `Flow "${flow}": ${node} is not reached from any trigger, so it never runs.`,
    ({ flow, nodeNl }) =>
      `Flow "${flow}": ${nodeNl} wordt door geen enkele trigger bereikt en draait dus nooit.`,
  ),
  sourceNoTarget: wording<{ flow: string } & Named>(
    ({ flow, node }) =>
      `Flow "${flow}": ${node} does not lead to any target, so its records would go nowhere.`,
    ({ flow, nodeNl }) =>
      `Flow "${flow}": ${nodeNl} leidt naar geen enkel doel; de records zouden nergens heen gaan.`,
  ),
  scheduleManual: wording<{ flow: string }>(
    ({ flow }) =>
      `Flow "${flow}": the flow has a schedule trigger but its schedule is "by hand"; set an interval or a cron expression.`,
    ({ flow }) =>
      `Flow "${flow}": de flow heeft een schematrigger, maar het schema staat op "Handmatig"; stel een interval of een cron-expressie in.`,
  ),
  scheduleTimezone: wording<{ flow: string; zone: string }>(
    ({ flow, zone }) => `Flow "${flow}": "${zone}" is not a time zone (e.g. Europe/Amsterdam).`,
    ({ flow, zone }) => `Flow "${flow}": "${zone}" is geen tijdzone (bijv. Europe/Amsterdam).`,
  ),
  // The cron library's own words about the expression stay as it gives them.
  scheduleCron: wording<{ flow: string; cron: string; problem: string }>(
    ({ flow, cron, problem }) => `Flow "${flow}": cron "${cron}": ${problem}`,
    ({ flow, cron, problem }) => `Flow "${flow}": cron-expressie "${cron}": ${problem}`,
  ),
  scheduleNoTrigger: wording<{ flow: string }>(
    ({ flow }) =>
      `Flow "${flow}" runs on a schedule but has no "On a schedule" trigger; scheduled runs start at its other triggers.`,
    ({ flow }) =>
      `Flow "${flow}" draait volgens schema maar heeft geen trigger "Volgens schema"; geplande runs starten bij de andere triggers.`,
  ),
};
