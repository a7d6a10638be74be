import { readEventRules } from '../../src/local/event-rules';
import { matchesPattern } from '../../src/local/event-pattern';

describe('readEventRules (serverless.yml)', () => {
  const rules = readEventRules({ stage: 'dev' });
  const ruleOf = (functionKey: string) =>
    rules.find((rule) => rule.functionKey === functionKey);

  it('routes OrderPlaced and OrderStatusChanged from the service to sendSms', () => {
    // Assess
    expect(ruleOf('sendSms')?.pattern).toEqual({
      source: ['phone-orders'],
      'detail-type': ['OrderPlaced', 'OrderStatusChanged'],
    });
  });

  it('routes OrderPlaced and OrderCompleted from the service to sendEmail', () => {
    // Assess
    expect(ruleOf('sendEmail')?.pattern).toEqual({
      source: ['phone-orders'],
      'detail-type': ['OrderPlaced', 'OrderCompleted'],
    });
  });

  it('sends a completion to the email only: texts come from the status change', () => {
    // Prepare
    const completed = {
      source: 'phone-orders',
      'detail-type': 'OrderCompleted',
    };

    // Act
    const targets = rules
      .filter((rule) => matchesPattern(rule.pattern, completed))
      .map((rule) => rule.functionKey);

    // Assess
    expect(targets).toEqual(['sendEmail']);
  });
});
