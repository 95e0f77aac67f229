import type { Pipeline } from './crm-records.types.ts';

/** HubSpot's default deal pipeline and its stages (internal values as the pipelines API returns them). */
const defaultStages = [
  ['appointmentscheduled', 'Appointment Scheduled', '0.2'],
  ['qualifiedtobuy', 'Qualified To Buy', '0.4'],
  ['presentationscheduled', 'Presentation Scheduled', '0.6'],
  ['decisionmakerboughtin', 'Decision Maker Bought-In', '0.8'],
  ['contractsent', 'Contract Sent', '0.9'],
  ['closedwon', 'Closed Won', '1.0'],
  ['closedlost', 'Closed Lost', '0.0'],
] as const;

export function defaultDealPipelines(at: string): Pipeline[] {
  return [
    {
      id: 'default',
      label: 'Sales Pipeline',
      displayOrder: 0,
      stages: defaultStages.map(([id, label, probability], displayOrder) => ({
        id,
        label,
        displayOrder,
        metadata: { isClosed: id === 'closedwon' || id === 'closedlost' ? 'true' : 'false', probability },
        createdAt: at,
        updatedAt: at,
        archived: false,
      })),
      createdAt: at,
      updatedAt: at,
      archived: false,
    },
  ];
}
