export * from './profiles';
export * from './deadline';
export * from './accusations';
export * from './checklists';
export * from './checklist-status';
export * from './rule-sources';
