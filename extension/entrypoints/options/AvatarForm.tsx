import { useRef, type ChangeEvent } from 'react';
import { Button } from '../../components/Button.js';
import { FormError } from '../../components/FormError.js';
import { useAction } from '../../hooks/useAction.js';
import { defineMessages } from '../../lib/i18n/index.js';
import { useLocale } from '../../lib/i18n/react.js';
import { sendMessage, type ExtensionState, type SignedInUser } from '../../lib/messaging/protocol.js';

const t = defineMessages({
  en: {
    title: 'Avatar',
    unreadable: 'The file could not be read.',
    alt: 'Your avatar',
    upload: 'Upload a picture',
    uploading: 'Uploading…',
    picture: 'Avatar picture',
    remove: 'Remove',
    removing: 'Removing…',
    hint: 'JPEG, PNG, GIF or WebP, up to 20 MB. Members of your workspaces see it next to your name.',
  },
  de: {
    title: 'Profilbild',
    unreadable: 'Die Datei konnte nicht gelesen werden.',
    alt: 'Ihr Profilbild',
    upload: 'Bild hochladen',
    uploading: 'Wird hochgeladen…',
    picture: 'Profilbild auswählen',
    remove: 'Entfernen',
    removing: 'Wird entfernt…',
    hint: 'JPEG, PNG, GIF oder WebP, bis 20 MB. Mitglieder Ihrer Arbeitsbereiche sehen es neben Ihrem Namen.',
  },
});

/** Reads a picked file as a data: URL, the form in which bytes cross the message boundary. */
function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(new Error(t('unreadable')));
    reader.readAsDataURL(file);
  });
}

/** The avatar (P1, P28): upload a picture or remove it; the service checks type and size from the bytes. */
export function AvatarForm({ user, onState }: { user: SignedInUser; onState: (state: ExtensionState) => void }) {
  useLocale();
  const input = useRef<HTMLInputElement>(null);
  const upload = useAction(async (file: File) => {
    onState(await sendMessage('setAvatar', { dataUrl: await readAsDataUrl(file), filename: file.name }));
  });
  const remove = useAction(async () => onState(await sendMessage('removeAvatar')));
  const picked = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) void upload.run(file);
    event.target.value = '';
  };
  return (
    <div className="avatar-form" data-testid="avatar-form">
      <h3>{t('title')}</h3>
      <FormError message={upload.error?.message ?? remove.error?.message ?? null} />
      <div className="actions">
        {user.avatarUrl ? (
          <img className="avatar" src={user.avatarUrl} alt={t('alt')} width={48} height={48} data-testid="avatar-image" />
        ) : (
          <span className="avatar avatar-empty" aria-hidden="true">{user.firstName.slice(0, 1)}</span>
        )}
        <label className="button button-secondary">
          {upload.pending ? t('uploading') : t('upload')}
          <input ref={input} type="file" accept="image/jpeg,image/png,image/gif,image/webp" onChange={picked} className="visually-hidden" aria-label={t('picture')} />
        </label>
        {user.avatarUrl && (
          <Button variant="secondary" pending={remove.pending} pendingLabel={t('removing')} onClick={() => void remove.run()}>
            {t('remove')}
          </Button>
        )}
      </div>
      <p className="hint">{t('hint')}</p>
    </div>
  );
}
