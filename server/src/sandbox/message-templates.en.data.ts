// English message templates. `{slot}`s are filled by the message writer; every key has several variants
// so that a lexicon cannot learn one sentence.
import type { TemplateKey, TemplateSet } from './message-templates.ts';

export const englishTemplates: Record<TemplateKey, TemplateSet> = {
  buying_seats: {
    subjects: ['Adding seats', 'More licences', 'Seats for the {team} team', 'Quick question on seats'],
    bodies: [
      "We're onboarding the {city} team next month — how do we add {seats} seats?",
      'We have run out of licences again. Could you send a quote for {seats} additional seats?',
      'The {team} team wants in. What would {seats} more seats cost us on our current plan?',
      "We'll need roughly {seats} extra users by {month}. Can we add them mid-term?",
      "Every seat is taken and people are sharing logins. Let's talk about adding {seats} seats.",
      "Can you prepare an order form for {seats} more seats? We'd like to sign before {month}.",
    ],
  },
  buying_tier: {
    subjects: ['Upgrading to {tier}', '{tier} plan', 'Pricing for {tier}'],
    bodies: [
      'Could you send us a proposal to move to the {tier} plan?',
      "We keep needing {feature}. What's involved in upgrading to {tier}?",
      'Our security team is asking for audit logs, so we are looking at {tier}. Can we get pricing?',
      "We'd like to go to {tier} at the next opportunity — what would the difference be for {seats_total} seats?",
      'Is there a way to trial {tier} before we commit to the upgrade?',
    ],
  },
  buying_module: {
    subjects: ['{module} module', 'Interested in {module}', 'Question about {module}'],
    bodies: [
      'We have been trying {module} and the team loves it. How do we add it to our contract?',
      'Could you share pricing for the {module} module for the {team} team?',
      "We'd like to roll out {module} to everyone — can you send a quote?",
      'Is {module} something we can add mid-term? We have a new use case for it in {team}.',
      'The pilot of {module} went well. What are the next steps to buy it?',
    ],
  },
  buying_commit: {
    subjects: ['Usage above our commit', 'Increasing our commitment', 'Overage charges'],
    bodies: [
      "We're consistently above our committed volume. Can we increase the commit to get the better rate?",
      'Our API usage keeps growing with {project}. Could you propose a higher annual commitment?',
      "We'd rather commit to more volume than pay overage every month. What can you offer?",
      'Usage is up about {percent}% since {month}. Time to revisit our commit?',
    ],
  },
  plan_limit: {
    subjects: ['Plan limits', 'Seat limit', 'Question about our plan'],
    bodies: [
      "What's the maximum number of users on our current plan?",
      'We got a warning that we are close to the seat limit. What happens when we hit it?',
      'Does our plan include {feature}, or is that only on {tier}?',
      'Is there a cap on API calls per month on our contract?',
      'How many seats can we have before we need to move up a tier?',
    ],
  },
  new_team: {
    subjects: ['New team', 'Rolling out to {team}', 'Expansion to {city}'],
    bodies: [
      "We're setting up a new {team} team in {city} and they'll need access.",
      'The {team} department wants to start using the platform for their pipeline reviews.',
      'We are opening an office in {city} in {month}; the team there will use the product from day one.',
      'Heads up: {team} is joining the roll-out next quarter.',
    ],
  },
  new_use_case: {
    subjects: ['New use case', 'Idea for {team}', 'Another use for the platform'],
    bodies: [
      "We'd like to use the platform for {project} as well — can we discuss how?",
      'The {team} team has a new use case: tracking renewals across regions. Could we do that with you?',
      'We are exploring forecasting for {team}; is that something your product covers?',
      "Beyond sales, we'd like to use it for partner management. Who could walk us through it?",
    ],
  },
  hiring: {
    subjects: ['Hiring plans', 'Team growth', 'New hires'],
    bodies: [
      "We're hiring {headcount} people in {team} this half — they'll all need accounts.",
      'Big hiring push: {headcount} new reps start in {month}.',
      'Our headcount in {team} doubles this year, so expect more users soon.',
    ],
  },
  funding: {
    subjects: ['Good news', 'Funding announcement', 'We closed our {round}'],
    bodies: [
      'We just closed our {round} and are investing heavily in the go-to-market team.',
      'Exciting times: the {round} is done and we have budget to scale the tooling.',
      'Sharing before the press release: we raised a {round}. Growth plans are on for {month}.',
    ],
  },
  acquisition: {
    subjects: ['Acquisition', 'Integration of a new company', 'Merger update'],
    bodies: [
      'We have acquired a company of about {headcount} people and want to bring them onto the platform.',
      'Following the acquisition, the new entity in {city} will move to our stack.',
      'The merger closed last week; their sales team ({headcount} people) joins us in {month}.',
    ],
  },
  international: {
    subjects: ['International expansion', 'Launching in {country}', 'New market'],
    bodies: [
      "We're launching in {country} next quarter and the local team will use the product.",
      'Expansion to {country} is confirmed — we need to plan access for the new office.',
      'We are opening {country} in {month}. Do you support data residency there?',
    ],
  },
  new_project: {
    subjects: ['New project', '{project}', 'Kick-off'],
    bodies: [
      'We are kicking off {project} and want the platform at the centre of it.',
      '{project} starts in {month}; more people will be working in the tool.',
      'Leadership approved {project}. We will need more capacity for it.',
    ],
  },
  negation_seats: {
    subjects: ['Re: seats', 'Re: your renewal proposal', 'Re: check-in'],
    bodies: [
      'We do not need more seats this year, the current number works fine.',
      "Thanks, but we won't be adding users for now.",
      "No need for extra licences — we're not growing the team this year.",
      "We are not looking to expand at the moment; let's keep the contract as it is.",
      "We don't need the {module} module, our current setup covers it.",
    ],
  },
  negation_upgrade: {
    subjects: ['Re: {tier}', 'Re: upgrade'],
    bodies: [
      "We're not interested in upgrading to {tier} right now.",
      'No plans to change plan this year, the features we have are enough.',
      "Upgrading isn't on the table before next year's budget.",
    ],
  },
  postponed: {
    subjects: ['Re: next steps', 'Update on our plans', 'On hold'],
    bodies: [
      '{project} has been put on hold, so we will not need the extra capacity after all.',
      'Update: the roll-out to {team} is postponed until further notice.',
      "We've decided to wait — the budget for this was moved to next year.",
      'The new office in {city} is delayed, let us revisit in a few months.',
    ],
  },
  dissatisfaction: {
    subjects: ['Frustrated', 'Issues again', 'Not happy with the service', 'Escalation'],
    bodies: [
      'Honestly we are frustrated: the sync has failed three times this month.',
      'The team is unhappy with performance lately, reports take minutes to load.',
      'This is the second outage in a few weeks. We expected better.',
      "Support tickets stay open for days. This isn't what we signed up for.",
      'Adoption is suffering because people find the tool slow and confusing.',
    ],
  },
  budget_cut: {
    subjects: ['Budget review', 'Cost cutting', 'Budget update'],
    bodies: [
      'Finance is cutting software budgets by {percent}% across the board this year.',
      'We have a hiring freeze and a budget review; every tool is being questioned.',
      'Our budget for tooling was reduced, we will need to cut licences at renewal.',
      'Cost-cutting exercise underway — please send the usage report so we can right-size.',
    ],
  },
  churn_threat: {
    subjects: ['Renewal', 'Evaluating options', 'Contract'],
    bodies: [
      'We are evaluating {competitor} and may not renew.',
      "Unless things improve, we'll be moving to {competitor} at the end of the contract.",
      'Please consider this as notice that we are reviewing alternatives before the renewal.',
      '{competitor} made us an offer that is hard to ignore. What can you do?',
    ],
  },
  champion_leaving: {
    subjects: ['Team news', 'Handover', 'Change of contact'],
    bodies: [
      '{name} is leaving the company at the end of the month.',
      'Quick note: {name} has resigned; please route everything to me for now.',
      '{name} is moving on from {company} in two weeks; {name_next} will take over in the meantime.',
      "{name}'s last day is Friday. We don't have a replacement yet.",
    ],
  },
  sponsor_meeting: {
    subjects: ['Executive review', 'QBR', 'Roadmap session', 'Business review with {sponsor}'],
    bodies: [
      'QBR with {sponsor}: they are pleased with adoption and want to discuss the roll-out plan for {team}.',
      'Met {sponsor} to review results; strong interest in extending usage across the business.',
      'Roadmap session with {sponsor} and the project team, good energy, follow-up booked.',
      'Executive sponsor call: {sponsor} asked for a plan covering {team} and {city}.',
    ],
  },
  stakeholder_intro: {
    subjects: ['Introduction', 'Meet our new {role_title}', 'Intro call'],
    bodies: [
      'Intro call with {name}, who joined as {role_title}; wants to understand costs and the roll-out plan.',
      'Please meet {name}, our new {role_title}. {name_first} will own the budget for the platform going forward.',
      '{name} ({role_title}) joined the call today and asked for a summary of our contract.',
    ],
  },
  noise_scheduling: {
    subjects: ['Catch-up', 'Reschedule', 'Meeting next week', 'Calendar'],
    bodies: [
      'Can we move our call to Thursday at 3pm?',
      'Sending a calendar invite for our monthly check-in.',
      'Sorry, I have a conflict tomorrow — could we do next week instead?',
      'Confirming our meeting on Tuesday. Talk then!',
      'Running 10 minutes late, apologies.',
    ],
  },
  noise_invoice: {
    subjects: ['Invoice', 'PO number', 'Billing question'],
    bodies: [
      'Could you resend the last invoice with our PO number on it?',
      'Our accounts payable address changed, please update it for future invoices.',
      'The invoice has been paid, thanks for your patience.',
      'Can you confirm the VAT number on the invoice?',
    ],
  },
  noise_thanks: {
    subjects: ['Thanks', 'Re: follow-up', 'Great session'],
    bodies: [
      'Thanks for the help yesterday, all sorted.',
      'Great session, the team found it useful.',
      'Appreciate the quick answer!',
      'Thank you, that works for us.',
    ],
  },
  noise_support: {
    subjects: ['How do I…', 'Export question', 'Password reset', 'Integration setup'],
    bodies: [
      'How do I export the dashboard to CSV?',
      'One of our users cannot reset their password, can you check?',
      'Where do I configure the Salesforce integration mapping?',
      'Is there a way to bulk-edit records from the list view?',
    ],
  },
  noise_training: {
    subjects: ['Training', 'Onboarding session', 'Webinar'],
    bodies: [
      'Could you run a refresher training for new joiners?',
      'Thanks for the onboarding webinar, the recording would be great.',
      'We are planning an internal training day, any material you can share?',
    ],
  },
  noise_renewal: {
    subjects: ['Upcoming renewal', 'Renewal paperwork', 'Contract renewal'],
    bodies: [
      'Your renewal is coming up on {renewal}. Let us know if anything changes.',
      'Please send the renewal quote to procurement.',
      'Reminder: the contract renews on {renewal}; the paperwork is on its way.',
    ],
  },
  noise_checkin: {
    subjects: ['Check-in', 'Monthly sync', 'Account review'],
    bodies: [
      'Monthly check-in: nothing major, usage steady, a couple of feature questions answered.',
      'Quick sync with the admin; no open issues.',
      'Account review done, next call in a month.',
      'Shared the latest release notes; they will look at the new reports.',
    ],
  },
};
