import { ROLES, type Role } from '#shared/roles.js';
import { defineMessages } from '../../../lib/i18n/index.js';

/**
 * How roles read in the panel, with what each may do. `Label` stands alone (a menu, a column);
 * `Noun` sits inside a sentence ("invited Sam as editor"), where English lowercases it and German does not.
 */
const t = defineMessages({
  en: {
    ownerLabel: 'Owner',
    adminLabel: 'Admin',
    editorLabel: 'Editor',
    viewerLabel: 'Viewer',
    ownerNoun: 'owner',
    adminNoun: 'admin',
    editorNoun: 'editor',
    viewerNoun: 'viewer',
    ownerHint: 'everything, including deleting the workspace and billing',
    adminHint: 'members, connected accounts and settings',
    editorHint: 'create, schedule and publish',
    viewerHint: 'read only',
  },
  de: {
    ownerLabel: 'Eigentümer',
    adminLabel: 'Admin',
    editorLabel: 'Redakteur',
    viewerLabel: 'Betrachter',
    ownerNoun: 'Eigentümer',
    adminNoun: 'Admin',
    editorNoun: 'Redakteur',
    viewerNoun: 'Betrachter',
    ownerHint: 'alles, auch den Arbeitsbereich löschen und die Abrechnung',
    adminHint: 'Mitglieder, verbundene Konten und Einstellungen',
    editorHint: 'Beiträge erstellen, planen und veröffentlichen',
    viewerHint: 'nur lesen',
  },
});

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** "Editor": the role on its own. */
export function roleLabel(role: Role): string {
  return t(`${role}Label`);
}

/** "editor" in an English sentence, "Redakteur" in a German one; an unknown value (old log entries) as it is. */
export function roleNoun(role: string): string {
  return isRole(role) ? t(`${role}Noun`) : role;
}

/** What the role may do, e.g. "create, schedule and publish". */
export function roleHint(role: Role): string {
  return t(`${role}Hint`);
}

/** Roles `myRole` may hand out: only owners make owners. Strongest first, as the menus list them. */
export function assignableRoles(myRole: Role): Role[] {
  return [...ROLES].reverse().filter((role) => role !== 'owner' || myRole === 'owner');
}

/** True when `myRole` manages members (admins and owners). */
export function managesMembers(myRole: Role): boolean {
  return myRole === 'admin' || myRole === 'owner';
}
