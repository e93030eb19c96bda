import type { Channel, DealType, Role } from '@baton/shared-types';

/** Demo accounts (password `demo`, for demos only). Sales reps report to `manager`. */
export const DEMO_USERS: ReadonlyArray<{ username: string; displayName: string; role: Role; region: string; managerId: string | null }> = [
  { username: 'sales', displayName: 'Li Wei', role: 'sales', region: 'East', managerId: 'manager' },
  { username: 'sales2', displayName: 'Emma Carter', role: 'sales', region: 'North', managerId: 'manager' },
  { username: 'product', displayName: 'Zhang Min', role: 'product', region: 'HQ', managerId: null },
  { username: 'delivery', displayName: 'Raj Patel', role: 'delivery', region: 'HQ', managerId: null },
  { username: 'manager', displayName: 'Chen Jing', role: 'manager', region: 'East', managerId: null },
  { username: 'ops', displayName: 'Sofia Rossi', role: 'ops', region: 'HQ', managerId: null },
  { username: 'admin', displayName: 'Alex Admin', role: 'admin', region: 'HQ', managerId: null },
];

export const DEMO_PASSWORD = 'demo';
export const DEMO_BOARD = { id: 'demo', name: 'Enterprise pipeline' } as const;

export interface DemoDeal {
  title: string;
  customer: string;
  owner: 'sales' | 'sales2';
  stage: 'lead' | 'needs_confirmed' | 'solution_demo' | 'quote' | 'negotiation' | 'signed';
  channel: Channel;
  industry: string;
  dealType: DealType;
  amount: number;
  contactName: string;
  decisionMaker: string;
  needSummary: string;
  nextStep: string;
  /** How long ago the deal was created and how long it has sat in its current stage. */
  ageDays: number;
  daysInStage: number;
}

const d = (
  title: string,
  customer: string,
  owner: DemoDeal['owner'],
  stage: DemoDeal['stage'],
  channel: Channel,
  industry: string,
  dealType: DealType,
  amount: number,
  contactName: string,
  decisionMaker: string,
  needSummary: string,
  nextStep: string,
  ageDays: number,
  daysInStage: number,
): DemoDeal => ({ title, customer, owner, stage, channel, industry, dealType, amount, contactName, decisionMaker, needSummary, nextStep, ageDays, daysInStage });

/** ~40 deals over the six stages and two reps, with realistic ages. */
export const DEMO_DEALS: readonly DemoDeal[] = [
  d('MES pilot for line 3', 'Suzhou Precision Parts', 'sales', 'lead', 'trade_show', 'Manufacturing', 'new', 180000, '', '', '', 'Qualify budget on a call', 2, 2),
  d('Fleet tracking for 120 trucks', 'Yangtze Freight', 'sales', 'lead', 'website', 'Logistics', 'new', 96000, '', '', '', 'Send intro deck', 1, 1),
  d('Store analytics', 'Lotus Retail Group', 'sales2', 'lead', 'phone', 'Retail', 'new', 0, '', '', '', 'Call back Tuesday', 3, 3),
  d('Clinic scheduling', 'Harbor Health Clinics', 'sales2', 'lead', 'referral', 'Healthcare', 'new', 45000, '', '', '', 'Book discovery call', 4, 4),
  d('Campus access control', 'Nanjing Tech Institute', 'sales', 'lead', 'website', 'Education', 'new', 70000, '', '', '', 'Find the IT director', 6, 6),
  d('Spare-parts portal', 'Northwind Machinery', 'sales2', 'lead', 'trade_show', 'Manufacturing', 'new', 130000, '', '', '', 'Follow up on booth visit', 2, 2),
  d('Claims intake automation', 'Pacific Mutual Insurance', 'sales', 'lead', 'website', 'Finance', 'new', 220000, '', '', '', 'Confirm project owner', 5, 5),
  d('Cold-chain monitoring', 'FreshWay Foods', 'sales2', 'lead', 'phone', 'Logistics', 'new', 88000, '', '', '', 'Send case study', 1, 1),
  d('Dealer CRM', 'Great Wall Tractors', 'sales', 'lead', 'other', 'Manufacturing', 'new', 150000, '', '', '', 'Intro meeting', 8, 8),
  d('Loyalty app renewal', 'Jade Cafe Chain', 'sales2', 'lead', 'referral', 'Retail', 'renewal', 40000, '', '', '', 'Check renewal date', 3, 3),
  d('Warehouse IoT sensors', 'Shenzhen Smart Logistics', 'sales', 'needs_confirmed', 'trade_show', 'Logistics', 'new', 260000, 'Wang Fang', '', 'Temperature and humidity alerts in 4 warehouses; phone QR-code login for pickers', 'Site visit', 12, 3),
  d('Quality inspection vision', 'Ningbo Auto Components', 'sales', 'needs_confirmed', 'website', 'Manufacturing', 'new', 340000, 'Liu Yang', '', 'Detect scratches on painted parts at 60 parts/min', 'Collect sample images', 15, 5),
  d('Patient portal', 'Sunrise Hospital', 'sales2', 'needs_confirmed', 'phone', 'Healthcare', 'new', 190000, 'Dr. Olivia Green', '', 'Online booking and lab results; must integrate with HIS', 'Workshop with IT', 20, 2),
  d('Branch teller tablets', 'Coastal Commercial Bank', 'sales2', 'needs_confirmed', 'referral', 'Finance', 'new', 410000, 'Marcus Lee', '', '200 tablets, offline-capable forms, SSO', 'Security questionnaire', 18, 6),
  d('E-learning platform renewal', 'Bright Future Academy', 'sales', 'needs_confirmed', 'website', 'Education', 'renewal', 65000, 'Zhao Lei', '', 'Renew with 300 more seats and video hosting', 'Seat count confirmation', 30, 4),
  d('POS upgrade', 'Urban Outfitters Asia', 'sales2', 'needs_confirmed', 'trade_show', 'Retail', 'new', 155000, 'Nina Schmidt', '', 'Replace POS in 35 stores before Q3', 'Inventory of current hardware', 10, 1),
  d('Route optimisation', 'Golden Dragon Express', 'sales', 'needs_confirmed', 'phone', 'Logistics', 'new', 120000, 'Huang Bo', '', 'Cut empty miles by 15%', 'Get sample routes', 9, 2),
  d('Energy dashboard', 'Delta Chemicals', 'sales2', 'needs_confirmed', 'website', 'Manufacturing', 'new', 98000, 'Tom Becker', '', 'Per-line energy use, alerts on spikes', 'Share data export', 14, 7),
  d('Supplier portal', 'Hangzhou Textiles', 'sales', 'solution_demo', 'trade_show', 'Manufacturing', 'new', 210000, 'Sun Li', '', 'Suppliers upload certificates and invoices; Chinese and English', 'Demo on Thursday', 25, 4),
  d('Telehealth module', 'CarePlus Clinics', 'sales2', 'solution_demo', 'referral', 'Healthcare', 'new', 145000, 'Dr. Amir Khan', '', 'Video consults with prescription workflow', 'Prepare demo data', 28, 3),
  d('Student analytics', 'Eastern University', 'sales', 'solution_demo', 'website', 'Education', 'new', 175000, 'Prof. Ma Jun', '', 'Early warning for dropout risk', 'Demo to the dean', 35, 5),
  d('Omnichannel inventory', 'Metro Home Stores', 'sales2', 'solution_demo', 'phone', 'Retail', 'new', 320000, 'Grace Liu', '', 'One stock view across web and 60 stores', 'Demo with ops team', 40, 8),
  d('Loan origination', 'Harbor Credit Union', 'sales', 'solution_demo', 'referral', 'Finance', 'new', 480000, 'Peter Wong', '', 'Digital loan applications with e-signature', 'Competitor comparison', 33, 2),
  d('Yard management', 'Tianjin Port Logistics', 'sales2', 'solution_demo', 'trade_show', 'Logistics', 'new', 230000, 'Ivan Petrov', '', 'Gate check-in by licence-plate recognition', 'Demo at the port', 22, 1),
  d('Maintenance app renewal', 'Qingdao Brewery', 'sales', 'solution_demo', 'other', 'Manufacturing', 'renewal', 85000, 'Gao Yan', '', 'Add predictive maintenance to existing app', 'Show new module', 45, 6),
  d('Smart factory phase 2', 'Wuxi Electronics', 'sales', 'quote', 'referral', 'Manufacturing', 'renewal', 560000, 'Xu Ming', '', 'Extend MES to 3 more lines with OEE dashboards', 'Quote follow-up call', 60, 2),
  d('Pharmacy chain ERP', 'HealthyLife Pharmacies', 'sales2', 'quote', 'website', 'Healthcare', 'new', 390000, 'Sarah Johnson', '', 'Stock, prescriptions and loyalty for 120 pharmacies', 'Clarify discount request', 50, 4),
  d('Exam proctoring', 'Global Language School', 'sales', 'quote', 'phone', 'Education', 'new', 58000, 'Emily Zhou', '', 'Remote proctoring for 2,000 exams a month', 'Answer security questions', 38, 1),
  d('Fraud monitoring', 'Silk Road Payments', 'sales2', 'quote', 'referral', 'Finance', 'new', 620000, 'Daniel Kim', '', 'Real-time scoring, < 50 ms per transaction', 'Legal review of terms', 55, 5),
  d('Cross-dock WMS', 'Blue Ocean Shipping', 'sales', 'quote', 'trade_show', 'Logistics', 'new', 275000, 'Lin Tao', '', 'Cross-docking with RF scanners', 'Revise quote for 2 sites', 42, 3),
  d('Kiosk ordering', 'Dragon Noodle House', 'sales2', 'quote', 'website', 'Retail', 'new', 72000, 'Kevin Ho', '', 'Self-order kiosks in 25 restaurants', 'Send revised pricing', 30, 2),
  d('Plant-wide SCADA link', 'Jiangsu Steel Works', 'sales', 'negotiation', 'referral', 'Manufacturing', 'new', 880000, 'Zhou Qiang', 'Plant director Zhou Qiang', 'Connect SCADA to MES; 5-year support', 'Procurement meeting', 80, 6),
  d('Hospital data platform', 'City General Hospital', 'sales2', 'negotiation', 'phone', 'Healthcare', 'new', 720000, 'Dr. Laura Chen', 'CIO Michael Brown', 'Data warehouse and BI for 12 departments', 'Negotiate SLA terms', 75, 4),
  d('Core banking add-on', 'Eastern Trust Bank', 'sales', 'negotiation', 'other', 'Finance', 'renewal', 950000, 'Richard Zhang', 'COO Helen Wu', 'Add SME lending module to the existing contract', 'Final price round', 90, 3),
  d('Campus Wi-Fi analytics', 'Riverside College', 'sales2', 'negotiation', 'website', 'Education', 'new', 110000, 'Anna Kowalski', 'Bursar Mark Evans', 'Occupancy analytics for 40 buildings', 'Contract redlines', 48, 2),
  d('Store staffing planner', 'Sunshine Supermarkets', 'sales', 'negotiation', 'trade_show', 'Retail', 'new', 205000, 'Feng Rui', 'VP Operations Qian Hui', 'Shift planning from footfall forecasts', 'Pilot scope agreement', 65, 5),
  d('Parcel locker network', 'QuickShip Couriers', 'sales2', 'signed', 'referral', 'Logistics', 'new', 340000, 'Omar Haddad', 'CEO Sara Lind', '300 parcel lockers with app integration', 'Kick-off with delivery', 100, 10),
  d('Production scheduling', 'Foshan Furniture Co.', 'sales', 'signed', 'trade_show', 'Manufacturing', 'new', 260000, 'Deng Wei', 'Owner Deng Hua', 'Finite-capacity scheduling for 2 plants', 'Handoff meeting', 95, 14),
  d('Clinic network renewal', 'Harmony Dental', 'sales2', 'signed', 'phone', 'Healthcare', 'renewal', 125000, 'Dr. Yuki Tanaka', 'Managing partner Ken Ito', 'Renew and add 6 new clinics', 'Onboard new clinics', 70, 20),
  d('Treasury dashboard', 'Asia Pacific Holdings', 'sales', 'signed', 'referral', 'Finance', 'new', 430000, 'Victor Lam', 'CFO Joanne Lee', 'Cash positions across 14 entities, daily', 'Project kick-off', 120, 7),
];
