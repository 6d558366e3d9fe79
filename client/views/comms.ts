// The view models of the communications panel and the decision log, by the path their importers
// have always used. The code lives in views/comms/, one file per concern; this file only re-exports
// what was public here, so the helpers those files share among themselves stay private.
export {
  CHANNEL_LIST, LEGAL_BASIS_LIST, MESSAGE_KIND_LIST, URGENCY_LIST, basisLabel, channelLabel, clock, deskKindLabel, formatDuration,
  formatLeft, kindLabel, languageName, storyTime, uiLang, urgencyBadge, urgencyLabel, type Channel, type LegalBasis, type Urgency,
} from "./comms/format.ts";
export { countryOf, everyone, exconPlays, exconSpeaksAs, nameOf, recipients, type Recipient, type RecipientChoices } from "./comms/recipients.ts";
export type { Issue } from "./comms/issues.ts";
export {
  REQUEST_FIELDS, draftToCommand, emptyDraft, type CheckOptions, type Draft, type DraftResult, type MessageInput, type RequestFields,
} from "./comms/draft.ts";
export { acceptedLanguages, isSpocRequest, spocAdvice } from "./comms/spoc.ts";
export {
  activityOf, languageChoices, suggestChannel, suggestLanguage, suggestLegalBasis, withSuggestions, type SuggestContext,
} from "./comms/suggest.ts";
export { ackCommand, canReplyTo, replyDraft } from "./comms/reply.ts";
export { inbox, outbox, threadOf, unreadCount, type ListOptions, type MailRow } from "./comms/mail.ts";
export { deadlines, type DeadlineRow } from "./comms/deadlines.ts";
export {
  decisionAuthors, decisionLog, decisionToCommand, emptyDecision, type DecisionAuthor, type DecisionDraft, type DecisionInput,
  type DecisionLogOptions, type DecisionResult, type DecisionRow,
} from "./comms/decisions.ts";
