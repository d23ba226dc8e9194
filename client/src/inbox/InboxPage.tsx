// Where agents work: the conversation list, the open thread and, beside it, the contact and the
// bot's notes. On a phone one column shows at a time (list → thread, with a back button).
import { Drawer, Group, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { NotificationOffer } from './alerts/NotificationOffer';
import type { ListFilter } from './api/inbox-types';
import { useComposerMode } from './composer/use-composer';
import { ConnectionBanner } from './ConnectionBanner';
import { focusRow, focusSearch } from './focus';
import classes from './inbox.module.css';
import { ConversationList } from './list/ConversationList';
import { FolderTabs } from './list/FolderTabs';
import { ListFilters } from './list/ListFilters';
import { ShortcutsModal } from './shortcuts/ShortcutsModal';
import { useInboxShortcuts } from './shortcuts/use-inbox-shortcuts';
import { SidePanel } from './side/SidePanel';
import { useDetailsPanel } from './side/use-details-panel';
import { NewConversation } from './start/NewConversation';
import { inboxStore, useInbox } from './store/inbox-store';
import { loadFirstPage, refreshCounts } from './sync/list-loader';
import { setLiveNavigator } from './sync/live';
import { markRead, openConversation } from './sync/thread-loader';
import { loadPeople } from './sync/use-inbox-live';
import { ThreadPane } from './thread/ThreadPane';
import { useSnoozeWake } from './snooze/use-snooze-wake';

function useInboxData(conversationId: string | undefined) {
  const filter = useInbox((s) => s.filter);
  useEffect(() => loadPeople(), []);
  useSnoozeWake();
  useEffect(() => {
    void loadFirstPage();
    refreshCounts(inboxStore, 0);
  }, [filter]);
  useEffect(() => {
    void openConversation(conversationId ?? null);
  }, [conversationId]);
  // What arrived in the open chat while the tab was hidden stayed unread (and counted in the tab's
  // title); coming back to the tab is reading it.
  useEffect(() => {
    const onShow = () => {
      const open = inboxStore.getState().thread?.id;
      if (open && document.visibilityState === 'visible') void markRead(open, inboxStore, true);
    };
    document.addEventListener('visibilitychange', onShow);
    return () => document.removeEventListener('visibilitychange', onShow);
  }, []);
}

export function InboxPage() {
  const { t } = useTranslation();
  const { conversationId } = useParams();
  // Whether the live line is up (data-live): what arrives from now on is heard.
  const connection = useInbox((s) => s.connection);
  const navigate = useNavigate();
  const composerRef = useRef<HTMLTextAreaElement>(null);
  const [help, helpCtl] = useDisclosure(false);
  const [starting, setStarting] = useState(false);
  // /inbox?writeTo=<contact id> (the contacts page's "Write"): the dialog opens with that contact.
  const [params, setParams] = useSearchParams();
  const [writeTo, setWriteTo] = useState<string | undefined>();
  useEffect(() => {
    const id = params.get('writeTo');
    if (!id) return;
    setWriteTo(id);
    setStarting(true);
    setParams((p) => { p.delete('writeTo'); return p; }, { replace: true });
  }, [params, setParams]);
  const toggleStart = (open: boolean) => {
    setStarting(open);
    if (!open) setWriteTo(undefined);
  };
  const details = useDetailsPanel();
  useInboxData(conversationId);
  // Nothing to show beside a conversation that did not open.
  const opened = useInbox((s) => s.thread?.status !== 'missing' && s.thread?.status !== 'error');

  const open = useCallback((id: string) => navigate(`/inbox/${id}`), [navigate]);
  const back = useCallback(() => navigate('/inbox'), [navigate]);
  useEffect(() => setLiveNavigator(open), [open]);
  const setFilter = (patch: Partial<ListFilter>) => inboxStore.getState().setFilter(patch);
  useInboxShortcuts({
    open,
    // Leaving a chat, the agent carries on from its row in the list.
    back: () => {
      if (help) return helpCtl.close();
      if (!conversationId) return;
      back();
      focusRow(conversationId);
    },
    focusComposer: (mode) => {
      useComposerMode.getState().setMode(mode);
      // Pressed while the chat is still being read (J then R at once), the box takes the focus when it shows.
      const reading = inboxStore.getState().thread?.id;
      if (composerRef.current) composerRef.current.focus();
      else if (reading) useComposerMode.getState().setFocusFor(reading);
    },
    help: helpCtl.open,
    start: () => setStarting(true),
    search: focusSearch,
    details: () => {
      if (conversationId && opened) details.toggle(false);
    },
  });

  return (
    <div className={classes.page} data-testid="inbox-page" data-live={connection}>
      <ConnectionBanner />
      <div className={classes.columns}>
        <section className={classes.list} data-hidden={conversationId ? true : undefined} aria-label={t('inbox.list.label')}>
          <div className={classes.listHead}>
            <Group justify="space-between">
              <Title order={4}>{t('nav.inbox')}</Title>
              <NewConversation opened={starting} contactId={writeTo} onToggle={toggleStart} onOpen={open} />
            </Group>
            <ListFilters onChange={setFilter} />
            <FolderTabs onChange={(folder) => setFilter({ folder })} />
          </div>
          <ConversationList onOpen={open} />
          <NotificationOffer />
        </section>
        <section className={classes.thread} data-hidden={conversationId ? undefined : true}>
          {/* Shown with the header's button, the details take the focus: the button leads to them. */}
          <ThreadPane ref={composerRef} onBack={back} sideShown={details.beside || details.drawer} onToggleSide={() => details.toggle(true)} />
        </section>
        {conversationId && details.beside && opened && (
          <aside className={classes.side} aria-label={t('inbox.side.label')} ref={details.sideRef} tabIndex={-1} data-testid="inbox-side">
            <SidePanel />
          </aside>
        )}
      </div>
      {/* The panel's cards bring their own spacing; the drawer's header keeps its own. */}
      <Drawer opened={details.drawer} onClose={details.closeDrawer} position="right" size={320} title={t('inbox.side.label')} styles={{ body: { padding: 0 } }} closeButtonProps={{ 'aria-label': t('contacts.close') }}>
        <SidePanel />
      </Drawer>
      <ShortcutsModal opened={help} onClose={helpCtl.close} />
    </div>
  );
}
