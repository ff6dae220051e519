import { useEffect, useState } from 'react';
import type { PinterestBoard } from '#shared/api/accounts.js';
import { Button } from '../../components/Button.js';
import { toUiError, type UiError } from '../../lib/errors.js';
import { useLocale } from '../../lib/i18n/react.js';
import { sendMessage } from '../../lib/messaging/protocol.js';
import { optionText as t } from './option-messages.js';

interface PinterestBoardSelectProps {
  id: string;
  workspaceId: string;
  accountId: string;
  value: string;
  onChange: (boardId: string) => void;
  /** Ids of the hint and error under the select. */
  describedBy: string | undefined;
  invalid: boolean;
}

type Boards = { state: 'loading' } | { state: 'ready'; boards: PinterestBoard[] } | { state: 'failed'; error: UiError };

/**
 * The boards of a Pinterest account as a select, read from Pinterest (through the background) when the
 * card opens. A board remembered from an earlier post that no longer exists is let go, so a stale id
 * is never sent.
 */
export function PinterestBoardSelect({ id, workspaceId, accountId, value, onChange, describedBy, invalid }: PinterestBoardSelectProps) {
  useLocale();
  const [boards, setBoards] = useState<Boards>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    setBoards({ state: 'loading' });
    sendMessage('listPinterestBoards', { workspaceId, accountId }).then(
      (list) => live && setBoards({ state: 'ready', boards: list }),
      (error: unknown) => live && setBoards({ state: 'failed', error: toUiError(error) }),
    );
    return () => {
      live = false;
    };
  }, [workspaceId, accountId, attempt]);
  const known = boards.state === 'ready' && boards.boards.some((board) => board.id === value);
  useEffect(() => {
    if (boards.state === 'ready' && value !== '' && !known) onChange('');
    // onChange is a fresh closure on each render of the card: the boards and the value decide.
  }, [boards, value, known]);

  if (boards.state === 'failed') {
    const reconnect = boards.error.code === 'account_unavailable';
    return (
      <div className="board-problem" data-testid="boards-error">
        <p className="field-error" role="alert">{reconnect ? t('boardsReconnect') : boards.error.message}</p>
        {reconnect ? (
          <Button variant="link" onClick={() => void sendMessage('openOptionsPage').catch(() => undefined)}>{t('openSettings')}</Button>
        ) : (
          <Button variant="link" onClick={() => setAttempt((count) => count + 1)}>{t('retry')}</Button>
        )}
      </div>
    );
  }
  const loading = boards.state === 'loading';
  const list = boards.state === 'ready' ? boards.boards : [];
  return (
    <>
      <select
        id={id}
        value={known ? value : ''}
        disabled={loading}
        aria-required="true"
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        aria-busy={loading || undefined}
        onChange={(event) => onChange(event.target.value)}
        data-testid="pinterest-board"
      >
        <option value="">{loading ? t('boardsLoading') : t('chooseBoard')}</option>
        {list.map((board) => (
          <option key={board.id} value={board.id}>
            {board.privacy === 'SECRET' || board.privacy === 'PROTECTED' ? t(`board.${board.privacy}`, { name: board.name }) : board.name}
          </option>
        ))}
      </select>
      {boards.state === 'ready' && list.length === 0 && <p className="hint" role="status">{t('noBoards')}</p>}
    </>
  );
}
