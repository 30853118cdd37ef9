import type { UserRole } from '@dm/contracts/web';

/** A page of the navigation: where it is, the words naming it (an i18n key), and the roles that may use it. */
export interface NavItem {
  path: string;
  labelKey: string;
  roles: readonly UserRole[];
  /** The pages under it (`<path>/…`) are for the same roles. */
  subPaths?: boolean;
}

export interface NavSection {
  labelKey: string;
  items: NavItem[];
}

const OFFICE: UserRole[] = ['monitoring_officer'];
const READERS: UserRole[] = ['monitoring_officer', 'inspector', 'admin'];
const AUDITORS: UserRole[] = ['inspector', 'admin'];

/** Every section and page, in the order shown; who may use each follows docs/domain.md and docs/reporting.md, "Who may do what". */
export const NAVIGATION: NavSection[] = [
  {
    labelKey: 'nav.work',
    items: [
      { path: '/my-assignments', labelKey: 'nav.myAssignments', roles: ['agency_officer'] },
      { path: '/reminders', labelKey: 'nav.reminders', roles: ['agency_officer', 'monitoring_officer'] },
    ],
  },
  {
    labelKey: 'nav.monitoring',
    items: [
      { path: '/directives', labelKey: 'nav.directives', roles: READERS },
      { path: '/directives/new', labelKey: 'nav.issueDirective', roles: OFFICE },
      { path: '/directives/import', labelKey: 'nav.importDirective', roles: OFFICE, subPaths: true },
      { path: '/overdue', labelKey: 'nav.overdue', roles: OFFICE },
      { path: '/confirmations', labelKey: 'nav.confirmations', roles: OFFICE },
      { path: '/reports', labelKey: 'nav.reports', roles: READERS },
    ],
  },
  {
    labelKey: 'nav.inspection',
    items: [
      { path: '/inspect/timeline', labelKey: 'nav.history', roles: AUDITORS },
      { path: '/inspect/verify', labelKey: 'nav.verify', roles: AUDITORS },
      { path: '/inspect/annual-review', labelKey: 'nav.annualReview', roles: [...AUDITORS, 'monitoring_officer'] },
      { path: '/inspect/access-log', labelKey: 'nav.accessLog', roles: AUDITORS },
    ],
  },
  {
    labelKey: 'nav.administration',
    items: [
      { path: '/admin/accounts', labelKey: 'nav.accounts', roles: ['admin'] },
      { path: '/admin/registry', labelKey: 'nav.registry', roles: ['admin'] },
      { path: '/admin/rebuild', labelKey: 'nav.rebuild', roles: AUDITORS },
    ],
  },
];

const mayUse = (item: NavItem, roles: readonly UserRole[]) => item.roles.some((role) => roles.includes(role));

/** The sections with the pages these roles may use; sections left empty are left out. */
export function navigationFor(roles: readonly UserRole[]): NavSection[] {
  return NAVIGATION.map((section) => ({ ...section, items: section.items.filter((item) => mayUse(item, roles)) })).filter(
    (section) => section.items.length > 0,
  );
}

/** Where a person lands after signing in: the first page they may use. */
export function homePathFor(roles: readonly UserRole[]): string {
  return navigationFor(roles)[0]?.items[0]?.path ?? '/account';
}

/** Whether these roles may open a path of the navigation (paths outside it are for the page to decide). */
export function mayOpen(path: string, roles: readonly UserRole[]): boolean {
  const item = NAVIGATION.flatMap((s) => s.items).find((i) => i.path === path || (i.subPaths && path.startsWith(`${i.path}/`)));
  return !item || mayUse(item, roles);
}
