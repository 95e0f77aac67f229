import { wordPairs, type Lexicon } from './lexicon.ts';

const SEATS = '(?:seats?|licen[cs]es?|users?|user accounts?|logins?|accounts?|credits|capacity)';
const PLAN = '(?:plan|tier|edition|package|subscription|bundle)';
const LIMIT =
  '(?:limit|limits|quota|quotas|cap|ceiling|maximum|allowance|seat limit|user limit|licen[cs]e (?:limit|count))';
// People who would each need a seat.
const PEOPLE =
  'people employees staff colleagues members hires joiners starters analysts reps agents engineers';
// What fails: "the sync is down", "the API went down".
const PRODUCT_PART =
  'sync|integration|connector|app|platform|tool|system|export|import|api|dashboard|site|login|service|server|instance|workspace|product|feature|report';
// The people a failure blocks: "the whole team", "our reps", "everyone".
const PEOPLE_OBJECT =
  "(?:the |our |my |their |all |all of |all our |the whole |the entire |our whole |our entire |whole |entire )*(?:team|teams|users|people|staff|reps|agents|analysts|engineers|colleagues|department|company|us|everyone|everybody|work)(?![a-z'])";
// Teams, offices and departments brought on board are read by the intent reader (intents/).
const UNIT = '(?:use case|project|initiative|workflow|product line)';

/** English lexicon, over folded text. */
export const englishLexicon: Lexicon = {
  budget_cut: {
    triggers:
      'budget budgets cut cuts cutting slash slashed slashing reduce reduced reducing reduction reductions trim trimmed trimming freeze freezing fewer lower lowering drop dropping hiring recruiting recruitment stopped paused halted froze suspended',
    cues: [
      'budgets? (?:cuts?|freeze|reductions?|constraints?|(?:(?:is|are|was|were|has been|have been|got|will be) )?(?:being )?(?:cut|slashed|reduced|frozen))',
      '(?:cut|cuts|cutting|slash\\w*|reduc\\w*|trim\\w*|freez\\w*) (?:our |the |their |its |all )?(?:budgets?|spend\\w*|costs?|headcount|software spend)',
      'hiring freeze',
      // hiring stopped: "hiring is on hold", "we paused all hiring"
      '(?:hiring|recruiting|recruitment) (?:(?:is|are|has been|was|will be) )?(?:on hold|paused|frozen|stopped|halted|suspended)',
      '(?:stopped|paused|halted|froze|suspended) (?:all |our |any )?(?:hiring|recruiting|recruitment)',
      'cost[- ]cutting',
      `(?:reduce|reducing|lower|lowering|drop|dropping) (?:the |our )?(?:number of )?${SEATS}`,
      `fewer ${SEATS}`,
    ],
  },
  churn_threat: {
    triggers: 'cancel* terminate terminating termination renew* churn* move_away',
    cues: [
      'cancel\\w* (?:our |the |my )?(?:subscription|contract|account|plan|licen[cs]es?)',
      'terminat\\w* (?:our |the )?(?:contract|agreement|subscription)',
      "(?:[a-z]+n't|not|never) (?:be )?renew\\w*",
      'non[- ]renewal',
      'churn\\w*',
      'move away from (?:you|your)',
    ],
  },
  champion_leaving_mentioned: {
    triggers:
      'leaving last_day final_day resign* handed stepping moving_on new_job new_role new_position longer has_left have_left',
    cues: [
      "(?:is|am|are|will be|i'm|he's|she's) leaving (?:the company|the business|us|the team|[a-z]+ at the end)",
      '(?:last|final) day (?:at|with|here|in the company)',
      'resign\\w*',
      'handed in (?:his|her|my|their) notice',
      'stepping down',
      'moving on to',
      'new (?:job|role|position) (?:at|elsewhere|outside)',
      'no longer (?:be )?with (?:the company|us|[a-z]+)',
      '(?:has|have) left the (?:company|business)',
    ],
  },
  // the customer says no to growing now: "not interested in upgrading", "we don't plan to grow this year"
  expansion_declined: {
    triggers: [
      'interested interest need needing plans plan planning intention',
      'grow growing expand expanding upgrade upgrading adding add increase increasing',
    ].join(' '),
    cues: [
      '(?:not|no longer) interested in (?:upgrad\\w*|expand\\w*|adding|buying|more|additional|extra|an? (?:upgrade|expansion|add-on)|the [a-z]+ (?:module|plan|tier|edition|add-on))',
      'no (?:need|plans?|intention) (?:for|to|of) (?:more|additional|extra|upgrad\\w*|expand\\w*|grow\\w*|add\\w*|buy\\w*|increas\\w*)',
      "(?:don't|do not|won't|will not|aren't|are not) (?:plan\\w* (?:to|on) |going to |looking to |intend\\w* to )?(?:grow\\w*|expand\\w*|upgrad\\w*|adding|add (?:more|any|new|extra)|increas\\w* (?:the |our )?(?:seats|licen[cs]es|headcount|team))",
      "(?:won't|will not) (?:be )?need\\w* (?:the |any )?(?:more|extra|additional)",
      "(?:don't|do not) need (?:any )?(?:more|additional|extra) (?:seats?|licen[cs]es?|users?|accounts?)",
    ],
  },
  dissatisfaction: {
    triggers: [
      'frustrat* disappoint* unhappy dissatisf* annoyed upset angry furious unacceptable terrible awful horrible poor bad',
      wordPairs('not t', 'very really too at happy satisfied pleased impressed'),
      'complain complains complained complaining complaint complaints crashing failing breaking',
      wordPairs('not t never', 'work works working function functions functioning functional'),
      wordPairs('too', 'slow expensive buggy complicated costly'),
      'constant recurring repeated endless',
      'failed erroring broken outage outages unusable down blocking blocks blocked stuck',
    ].join(' '),
    cues: [
      '(?:frustrat|disappoint|unhappy|dissatisf|annoyed|upset|angry|furious)\\w*',
      "(?:[a-z]+n't|not) (?:very |really |too |at all )?(?:happy|satisfied|pleased|impressed)",
      'complain\\w*',
      'complaint',
      'unacceptable',
      '(?:terrible|awful|horrible|poor|bad|disappointing) (?:experience|service|support|quality|performance|onboarding)',
      "(?:[a-z]+n't|not|never) (?:work|works|working|function\\w*)",
      '(?:keeps?|kept) (?:crashing|failing|breaking)',
      'too (?:slow|expensive|buggy|complicated|costly)',
      '(?:constant|recurring|repeated|endless) (?:issues|problems|bugs|outages|downtime)',
      // a failure that lasts: "the sync has been failing for a week", "the export is broken since Monday"
      `(?:failing|failed|erroring|crashing|broken|unusable|(?:${PRODUCT_PART})s? (?:(?:is|are|was|were|has been|have been|went) )?down)(?! to)(?: again)? (?:for (?:a|an|the (?:whole|entire|last|past)|over a|more than a|\\w+) (?:\\w+ )?(?:hours?|days?|weeks?|months?)|since|all (?:day|week|month))`,
      // a failure that blocks people: "…failing, blocking the whole team", "this bug blocks our reps"
      `(?:fail\\w*|broken|crash\\w*|error\\w*|bugs?|outages?|issues?|problems?|down)(?! to)[^.!?]{0,60}? (?:blocking|blocks|blocked|has blocked) (?:${PEOPLE_OBJECT})`,
      `(?:${PEOPLE_OBJECT}) (?:is|are|has been|have been|was|were) (?:completely |totally |still )?(?:blocked|stuck)(?: again)? (?:by|because|since|due)[^.!?]{0,40}?(?:fail\\w*|broken|crash\\w*|error\\w*|bugs?|outages?|issues?|problems?|down)`,
    ],
  },
  plan_limit_question: {
    triggers:
      'plan plans tier tiers edition package subscription bundle limit limits quota quotas cap caps ceiling maximum allowance overage overages run_out running_out ran_out runs_out how_many number_of included_in licence_count license_count',
    cues: [
      `(?:which|what|what's the|which is the) ${PLAN}`,
      `${LIMIT} (?:on|of|for|per)`,
      `(?:hit|hitting|reach\\w*|exceed\\w*|over|above|near\\w*|close to|run\\w* into|at) (?:our |the |your |its )?${LIMIT}`,
      'overage\\w*',
      `run\\w* out of ${SEATS}`,
      `(?:how many|number of) ${SEATS} (?:are|is|do|does|can|included|come)`,
      `included in (?:our|the|my|your) ${PLAN}`,
    ],
  },
  buying_intent: {
    triggers: [
      'seat seats licence licences license licenses capacity',
      wordPairs(
        'more additional extra another new add adding buy buying purchase purchasing order ordering get getting few some',
        'user users account accounts login logins credits',
      ),
      'upgrad* quote quotes pricing proposal price cost expand* extend* increase increasing grow growing scale scaling',
      wordPairs('larger bigger higher', 'commit commitment'),
      'interest interested budget plan plans tier tiers edition package subscription bundle',
      wordPairs('more additional extra', PEOPLE),
    ].join(' '),
    cues: [
      `(?:more|additional|extra|another \\d+|\\d+ (?:more|additional|extra|new)) ${SEATS}`,
      `(?:add|adding|buy|buying|purchase|purchasing|order|ordering|get|getting) (?:\\d+ |a few |some |more |additional |extra |new )*${SEATS}`,
      `upgrad\\w* (?:to|our|the|from) (?:the |our )?(?:${PLAN}|business|enterprise|premium|pro|professional)`,
      `(?:move|moving|switch\\w*) (?:up )?to (?:the )?(?:business|enterprise|premium|pro|higher|next) ${PLAN}`,
      '(?:send|share|need|want|get|receive|request) (?:us |me )?(?:a |an |the |your )?(?:quote|proposal|pricing|price list)',
      '(?:quote|pricing|proposal) for',
      // a price asked for: "asked for a proposal", "what would the Analytics module cost us?"
      '(?:ask|asks|asked|asking) (?:us |me |you |them )?for (?:a |an |the |your |our )?(?:quote|proposal|pricing|price)',
      "(?:what|how much) (?:[a-z'-]+ ){0,4}(?:would|will|does|do|could|might) (?:it |that |this |they |we )?cost",
      '(?:larger|bigger|higher) (?:commit|commitment)',
      `(?:expand|expanding|extend|extending|increase|increasing|grow|growing|scale|scaling) (?:our |the )?(?:contract|subscription|usage|deployment|rollout|licen[cs]es?|seats|commit\\w*)`,
      `interest\\w* in (?:the |your )?(?:[a-z]+ )?(?:module|add-on|addon|upgrade|${PLAN})`,
      'budget (?:(?:is|was|has been|got) )?(?:approved|allocated|signed off)',
      // a need in numbers: "25 more people", "licences for 30 new joiners", "go to 80 seats"
      `(?:\\d+|another \\d+) (?:more|additional|extra) (?:${PEOPLE.replaceAll(' ', '|')})`,
      `${SEATS} for (?:another )?\\d+ (?:more |additional |extra |new )?(?:${PEOPLE.replaceAll(' ', '|')})`,
      `(?:go|going|move|moving|increase|increasing|grow|growing|bump|bumping) (?:it |us |up |that )*to \\d+ ${SEATS}`,
    ],
  },
  new_need: {
    triggers:
      'new another other second additional also_want also_need also_would now_want now_need now_would',
    cues: [
      `new (?:[a-z]+ ){0,2}${UNIT}s?`,
      `(?:another|other|second|additional) ${UNIT}s?`,
      '(?:also|now) (?:want|need|would like) to (?:use|track|manage)',
    ],
  },
  growth_event: {
    triggers: [
      'expand* acquired acquiring acquisition merge merged merger merging international global',
      wordPairs('office offices subsidiary subsidiaries entity entities branch branches site sites', 'in'),
    ].join(' '),
    cues: [
      '(?:acquired|acquiring|acquisition of|merg\\w* with|merger)',
      '(?:open\\w*|launch\\w*) (?:a |an |our |new )*(?:office|subsidiary|entity|branch|site)s? in',
      '(?:expand\\w*|expansion) (?:to|into|in) (?:europe|emea|apac|asia|north america|latin america|the us|the uk|germany|france|spain|new markets?|[a-z]+ markets?)',
      'international (?:expansion|growth|rollout)',
      'going global',
    ],
  },
};
