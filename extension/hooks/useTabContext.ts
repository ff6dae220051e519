import { useEffect, useState } from 'react';
import { sendMessage, type TabContext } from '../lib/messaging/protocol.js';

/**
 * The page the popup was opened on: given directly, read from `tabId`, or read from the active tab.
 * Never fails: a page that cannot be read gives an empty context the person fills in.
 */
export function useTabContext(source: { context?: TabContext; tabId?: number }): TabContext | null {
  const [context, setContext] = useState<TabContext | null>(source.context ?? null);
  const { tabId } = source;
  const given = source.context !== undefined;

  useEffect(() => {
    if (given) return;
    let live = true;
    sendMessage('getTabContext', tabId === undefined ? {} : { tabId })
      .catch((): TabContext => ({ tabId: tabId ?? null, url: '', title: '', selectionText: '' }))
      .then((next) => {
        if (live) setContext(next);
      });
    return () => {
      live = false;
    };
  }, [given, tabId]);

  return context;
}
