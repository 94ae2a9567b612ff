import { wording, type Wording } from '../../flow/wording';

/** What calls about the setup wizard (main/wizard, main/services/wizard-service.ts) answer when they fail, in English and Dutch. */
export const wizardMessages = {
  /** `title`/`titleNl`: the question's title in each language; `reason`: zod's words for the answer. */
  wizardAnswerInvalid: wording<{
    flow: string;
    title: string;
    titleNl: string;
    reason: string;
    reasonNl: string;
  }>(
    ({ flow, title, reason }) => `Flow "${flow}": the answer to "${title}" is not valid: ${reason}`,
    ({ flow, titleNl, reasonNl }) =>
      `Flow "${flow}": het antwoord op "${titleNl}" is niet geldig: ${reasonNl}`,
  ),
  wizardNoSuchQuestion: wording<{ flow: string; id: string }>(
    ({ flow, id }) => `Flow "${flow}": there is no question "${id}".`,
    ({ flow, id }) => `Flow "${flow}": er is geen vraag "${id}".`,
  ),
  wizardQuestionNotAsked: wording<{ flow: string; title: string; titleNl: string }>(
    ({ flow, title }) => `Flow "${flow}" does not ask "${title}" (none of its nodes has that setting).`,
    ({ flow, titleNl }) =>
      `Flow "${flow}" vraagt niet naar "${titleNl}" (geen van de nodes heeft die instelling).`,
  ),
  /** `teamleader`/`mplus`: the kinds of the connections given for each. */
  wizardConnectionKinds: wording<{ teamleader: string; mplus: string }>(
    ({ teamleader, mplus }) =>
      `Choose a Teamleader and a MplusKASSA connection (got ${teamleader} and ${mplus}).`,
    ({ teamleader, mplus }) =>
      `Kies een Teamleader- en een MplusKASSA-koppeling (gekregen: ${teamleader} en ${mplus}).`,
  ),
  /** `problem`: the flow's first error, when it has one. */
  wizardFlowNotReady: wording<{ flow: string; problem?: string; problemNl?: string }>(
    ({ flow, problem }) => `Flow "${flow}" cannot be saved yet: ${problem ?? 'it has problems'}`,
    ({ flow, problemNl }) =>
      `Flow "${flow}" kan nog niet worden opgeslagen: ${problemNl ?? 'er zijn nog problemen'}`,
  ),
  wizardFlowIdTaken: wording<{ id: string }>(
    ({ id }) => `A flow with id ${id} already exists.`,
    ({ id }) => `Er bestaat al een flow met id ${id}.`,
  ),
} satisfies Record<string, Wording<never>>;
