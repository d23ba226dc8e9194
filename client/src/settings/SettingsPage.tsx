import { Stack, Tabs, Title } from '@mantine/core';
import { IconAlertTriangle, IconBuildingStore, IconInbox, IconLanguage, IconMessageBolt, IconPlug, IconSparkles, IconUsersGroup, IconWebhook } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { CannedTab } from '../inbox/settings/CannedTab';
import { InboxSettingsTab } from '../inbox/settings/InboxSettingsTab';
import { TeamsTab } from '../inbox/settings/TeamsTab';
import { AiTab } from './AiTab';
import { FailuresTab } from './FailuresTab';
import { ChannelsTab } from './channels/ChannelsTab';
import { LanguageTab } from './LanguageTab';
import { WorkspaceTab } from './WorkspaceTab';
import { WebhooksTab } from './webhooks/WebhooksTab';

const TABS = ['channels', 'teams', 'canned', 'inbox', 'ai', 'webhooks', 'failures', 'workspace', 'language'] as const;
type SettingsTab = (typeof TABS)[number];
const isTab = (v: string | null): v is SettingsTab => (TABS as readonly (string | null)[]).includes(v);

const icons = {
  channels: IconPlug,
  teams: IconUsersGroup,
  canned: IconMessageBolt,
  inbox: IconInbox,
  ai: IconSparkles,
  webhooks: IconWebhook,
  failures: IconAlertTriangle,
  workspace: IconBuildingStore,
  language: IconLanguage,
} as const;

export function SettingsPage() {
  const { t } = useTranslation();
  // The tab lives in the URL (?tab=) so a reload or a shared link opens the same tab.
  const [params, setParams] = useSearchParams();
  const raw = params.get('tab');
  const tab: SettingsTab = isTab(raw) ? raw : 'channels';

  return (
    <Stack gap="lg">
      <Title order={2}>{t('nav.settings')}</Title>
      <Tabs
        value={tab}
        onChange={(next) => {
          if (isTab(next)) setParams(next === 'channels' ? {} : { tab: next }, { replace: true });
        }}
        // Inactive panels are not rendered: each tab loads its data when it is opened.
        keepMounted={false}
      >
        <Tabs.List mb="lg">
          {TABS.map((key) => {
            const Icon = icons[key];
            return (
              <Tabs.Tab
                key={key}
                value={key}
                leftSection={<Icon size={16} />}
                data-testid={`settings-tab-${key}`}
              >
                {t(`settings.tabs.${key}`)}
              </Tabs.Tab>
            );
          })}
        </Tabs.List>
        <Tabs.Panel value="channels">
          <ChannelsTab />
        </Tabs.Panel>
        <Tabs.Panel value="teams">
          <TeamsTab />
        </Tabs.Panel>
        <Tabs.Panel value="canned">
          <CannedTab />
        </Tabs.Panel>
        <Tabs.Panel value="inbox">
          <InboxSettingsTab />
        </Tabs.Panel>
        <Tabs.Panel value="ai">
          <AiTab />
        </Tabs.Panel>
        <Tabs.Panel value="webhooks">
          <WebhooksTab />
        </Tabs.Panel>
        <Tabs.Panel value="failures">
          <FailuresTab />
        </Tabs.Panel>
        <Tabs.Panel value="workspace">
          <WorkspaceTab />
        </Tabs.Panel>
        <Tabs.Panel value="language">
          <LanguageTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
