// Owns what the demo accounts hold before any entry exists: each one's clients, projects, task names and the
// rhythm of its seeded week. seed.ts turns a catalog into an account; nothing here knows about ids or dates.
import type { SandboxClient } from './account';

export interface ProjectSpec {
  /** Index into the catalog's clients. */
  client: number;
  name: string;
  code: string | null;
  rate: number | null;
  /** Indexes into the catalog's task names. */
  tasks: number[];
  isActive?: boolean;
  inactiveTask?: number;
}

export interface Catalog {
  clients: Omit<SandboxClient, 'id'>[];
  projects: ProjectSpec[];
  tasks: string[];
  /** Hours and notes of the seeded entries, picked by a per-date hash so each day repeats between runs. */
  hours: number[];
  notes: (string | null)[];
  /** How many entries a seeded day holds. */
  entriesPerDay(hash: number, isToday: boolean): number;
  /** Whether the week's first entry is locked (approved), as in an account that uses approvals. */
  lockFirst: boolean;
}

export const TASK_NAMES = [
  'Design',
  'Development',
  'Meetings',
  'Project Management',
  'Research',
  'Quality Assurance',
  'Writing',
  'Support',
];

// Meetings and admin are tracked but not billed, the way most Harvest accounts set them up.
export const NOT_BILLABLE = new Set(['Meetings', 'Admin']);

/** The agency "Try the demo" opens: four clients, an archived project and an archived task. */
export const AGENCY_CATALOG: Catalog = {
  clients: [
    { name: 'Acme Corp', currency: 'USD' },
    { name: 'Globex', currency: 'USD' },
    { name: 'Initech', currency: 'EUR' },
    { name: 'Umbrella Health', currency: 'USD' },
  ],
  projects: [
    { client: 0, name: 'Website Redesign', code: 'WEB-01', rate: 120, tasks: [0, 1, 2, 3] },
    { client: 0, name: 'Mobile App', code: 'APP-02', rate: 140, tasks: [0, 1, 4, 2, 5] },
    { client: 1, name: 'Brand Refresh', code: null, rate: 110, tasks: [0, 2, 4] },
    { client: 1, name: 'Data Migration', code: 'DM-07', rate: 130, tasks: [1, 3, 2, 4] },
    { client: 2, name: 'Reporting Automation', code: 'TPS-03', rate: 95, tasks: [1, 2, 5] },
    { client: 2, name: 'Internal Training', code: null, rate: null, tasks: [2, 4, 6] },
    { client: 3, name: 'Patient Portal', code: 'PP-11', rate: 150, tasks: [0, 1, 5, 3, 4], inactiveTask: 4 },
    { client: 3, name: 'Legacy Support', code: 'LS-00', rate: 90, tasks: [1, 2, 7], isActive: false },
  ],
  tasks: TASK_NAMES,
  hours: [1.5, 0.75, 2.25, 1, 3.5, 0.5, 2, 1.25],
  notes: [
    'Sprint planning',
    'Homepage hero variants',
    null,
    'Fix login redirect',
    'Client call: scope review',
    'Migration dry run',
    null,
    'Write release notes',
  ],
  entriesPerDay: (hash, isToday) => (isToday ? 3 : 2 + (hash % 2)),
  lockFirst: true,
};

/**
 * A client's own Harvest account that a freelancer was invited to: two clients, a handful of projects with
 * their own tasks, one or two entries a day, no approvals. Another person's account, so nothing in it is the
 * agency's, ids included.
 */
export const FREELANCE_CATALOG: Catalog = {
  clients: [
    { name: 'Northwind Traders', currency: 'USD' },
    { name: 'Northwind Foundation', currency: 'USD' },
  ],
  projects: [
    { client: 0, name: 'Storefront Rebuild', code: 'NW-12', rate: 85, tasks: [0, 1, 2, 3] },
    { client: 0, name: 'Support Retainer', code: 'NW-RET', rate: 85, tasks: [3, 4] },
    { client: 1, name: 'Annual Report Site', code: null, rate: 70, tasks: [0, 2, 4] },
  ],
  tasks: ['Frontend', 'Backend', 'Code Review', 'Bug Fixing', 'Admin'],
  hours: [2, 1.5, 3, 0.75, 2.5],
  notes: ['Checkout flow', 'Review PR for product filters', null, 'Fix image upload', 'Weekly status email'],
  entriesPerDay: (_hash, isToday) => (isToday ? 2 : 1),
  lockFirst: false,
};
