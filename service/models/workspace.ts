import { Model } from 'objection';

/** A team's workspace. */
export class Workspace extends Model {
  static override tableName = 'workspaces';

  declare id: string;
  declare name: string;
  declare createdAt: Date;
  declare updatedAt: Date;
}
