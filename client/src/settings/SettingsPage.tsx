import { Stack, Tabs, Title } from '@mantine/core';
import { IconAlertTriangle, IconBuildingStore, IconHistory, IconInbox, IconKey, IconLanguage, IconMessageBolt, IconPlug, IconSparkles, IconUsers, IconUsersGroup, IconWebhook } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { CannedTab } from '../inbox/settings/CannedTab';
import { InboxSettingsTab } from '../inbox/settings/InboxSettingsTab';
import { TeamsTab } from '../inbox/settings/TeamsTab';
import type { WorkspaceRole } from '../api/types';
import { useAuthStore } from '../auth/auth-store';
import { isAdmin } from '../auth/roles';
import { AiTab } from './AiTab';
import { FailuresTab } from './failures/FailuresTab';
import { ApiKeysTab } from './api-keys/ApiKeysTab';
import { AuditTab } from './audit/AuditTab';
import { MembersTab } from './members/MembersTab';
import { ChannelsTab } from './channels/ChannelsTab';
import { LanguageTab } from './LanguageTab';
import { WorkspaceTab } from './WorkspaceTab';
import { WebhooksTab } from './webhooks/WebhooksTab';
import scroll from '../shared/scroll-shadow.module.css';
import classes from './settings.module.css';

const TABS = ['channels', 'members', 'teams', 'canned', 'inbox', 'ai', 'apiKeys', 'webhooks', 'audit', 'failures', 'workspace', 'language'] as const;
type SettingsTab = (typeof TABS)[number];
const isTab = (v: string | null): v is SettingsTab => (TABS as readonly (string | null)[]).includes(v);
const EVERYONE: readonly SettingsTab[] = ['workspace', 'language'];
/** Which tabs a role sees: admins configure the workspace, only owners read the audit log. */
const visibleTabs = (role: WorkspaceRole | null): SettingsTab[] =>
  TABS.filter((tab) => EVERYONE.includes(tab) || (tab === 'audit' ? role === 'owner' : isAdmin(role)));

const icons = {
  channels: IconPlug,
  teams: IconUsersGroup,
  canned: IconMessageBolt,
  inbox: IconInbox,
  ai: IconSparkles,
  webhooks: IconWebhook,
  failures: IconAlertTriangle,
  members: IconUsers,
  apiKeys: IconKey,
  audit: IconHistory,
  workspace: IconBuildingStore,
  language: IconLanguage,
} as const;

export function SettingsPage() {
  const { t } = useTranslation();
  // The tab lives in the URL (?tab=) so a reload or a shared link opens the same tab.
  const [params, setParams] = useSearchParams();
  const raw = params.get('tab');
  const role = useAuthStore((s) => s.role);
  const tabs = visibleTabs(role);
  const tab: SettingsTab = isTab(raw) && tabs.includes(raw) ? raw : tabs[0]!;
  const list = useRef<HTMLDivElement>(null);
  // On a phone the row scrolls: the open tab (a link to ?tab=webhooks) is brought into view.
  // (A block body: newer browsers return a promise from scrollIntoView, which React would take for a cleanup.)
  useEffect(() => {
    list.current?.querySelector('[data-active]')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [tab]);

  return (
    <Stack gap="lg">
      <Title order={2}>{t('nav.settings')}</Title>
      <Tabs
        value={tab}
        onChange={(next) => {
          if (isTab(next)) setParams(next === tabs[0] ? {} : { tab: next }, { replace: true });
        }}
        // Inactive panels are not rendered: each tab loads its data when it is opened.
        keepMounted={false}
      >
        <Tabs.List mb="lg" className={`${classes.tabs} ${scroll.shadow}`} ref={list}>
          {tabs.map((key) => {
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
        <Tabs.Panel value="members">
          <MembersTab />
        </Tabs.Panel>
        <Tabs.Panel value="apiKeys">
          <ApiKeysTab />
        </Tabs.Panel>
        <Tabs.Panel value="audit">
          <AuditTab />
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
