import {
  Button,
  DescriptionList,
  DescriptionListItem,
  Flex,
  Heading,
  Text,
  useExtensionActions,
} from '@hubspot/ui-extensions';
import type { VerdictView } from '../api/card-contract.ts';
import type { CardMessages } from '../i18n/messages.ts';

interface Props {
  verdict: VerdictView;
  messages: CardMessages;
}

/** Who decides, how to approach them, and the email draft with a button that copies it. */
export function ApproachSection({ verdict, messages }: Props) {
  const actions = useExtensionActions<'crm.record.tab'>();
  const { decisionMaker, emailDraft } = verdict;
  const copyEmail = async () => {
    if (!emailDraft) return;
    await actions.copyTextToClipboard(`${emailDraft.subject}\n\n${emailDraft.body}`);
    actions.addAlert({ type: 'success', message: messages.copied });
  };
  return (
    <Flex direction="column" gap="sm">
      <DescriptionList direction="row">
        <DescriptionListItem label={messages.decisionMaker}>
          <Text testId="decision-maker">
            {decisionMaker ? `${decisionMaker.name}, ${decisionMaker.title}` : messages.noDecisionMaker}
          </Text>
          {decisionMaker ? <Text variant="microcopy">{decisionMaker.reason}</Text> : null}
        </DescriptionListItem>
        <DescriptionListItem label={messages.nextStep}>
          <Text>{verdict.nextStep}</Text>
        </DescriptionListItem>
      </DescriptionList>
      <Heading>{messages.approach}</Heading>
      <Text testId="approach">{verdict.approach}</Text>
      {emailDraft ? (
        <Flex direction="column" gap="xs">
          <Heading>{messages.emailDraft}</Heading>
          <Text format={{ fontWeight: 'demibold' }} testId="email-subject">
            {emailDraft.subject}
          </Text>
          <Text testId="email-body">{emailDraft.body}</Text>
          <Button size="sm" onClick={copyEmail} testId="copy-email">
            {messages.copyEmail}
          </Button>
        </Flex>
      ) : null}
    </Flex>
  );
}
