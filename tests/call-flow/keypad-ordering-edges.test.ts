import { validateResponse } from '../../src/telephony/validate-response';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  callerWith,
  flowFixture,
  heardTexts,
  STAFF_NUMBER,
} from '../support/call-flow-fixture';

describe('keypad ordering at the edges', () => {
  it('neither offers nor accepts more items once the order is full', async () => {
    // Prepare: 12 lines of one cola each, the most an order holds.
    const fixture = flowFixture();
    const twelveColas = `1 ${Array(12).fill('3 1 1').join(' 1 ')}`;

    // Act: 4 at the review, then finish and place the order.
    const record = await fixture.call(`${twelveColas} 4 1 1`);

    // Assess
    const heard = heardTexts(record);
    const review = heard.filter((text) => text.startsWith('Added 1 Cola. You'));
    expect(review[0]).toMatch(
      /Press 1 to finish, 2 to remove the last item, or 3 to start over\.$/,
    );
    expect(heard).toContain('Sorry, I did not catch that.');
    expect(heard.at(-1)).toMatch(/^Thank you! Your ticket number is 1\./);
    const order = await fixture.orders.get(record.transactionId);
    expect(order?.lines).toHaveLength(12);
  });

  it('tells the caller when an item in the cart sells out before placing', async () => {
    // Prepare
    const fixture = flowFixture();
    const soldOut = () => fixture.menu.setAvailability('cola', false);

    // Act: a large pepperoni and a cola; the cola sells out; finish.
    const record = await fixture.call(
      callerWith('1 1 2 2 1 1 3 1 1', soldOut, '3 1 1'),
    );

    // Assess
    expect(heardTexts(record)).toContain(
      'Sorry, Cola is sold out now and off your order. Your total is ' +
        '20 dollars and 68 cents with tax, for pickup. Press 1 to place ' +
        'your order, or star to go back.',
    );
    const order = await fixture.orders.get(record.transactionId);
    expect(order?.lines.map((line) => line.itemId)).toEqual(['pepperoni']);
  });

  it('tells the caller when the staff line does not answer', async () => {
    // Prepare: Chime reports that the CallAndBridge to staff failed.
    const fixture = flowFixture({
      settings: { staffPhoneNumber: STAFF_NUMBER },
    });
    const path = join(
      __dirname,
      '..',
      '..',
      'events',
      'sma-action-failed.json',
    );
    const event: unknown = JSON.parse(readFileSync(path, 'utf8'));

    // Act
    const response = await fixture.invoke(event);

    // Assess
    expect(response).toMatchObject({
      Actions: [
        {
          Type: 'Speak',
          Parameters: {
            Text: 'Sorry, nobody is free to take your call. Please call again in a few minutes. Goodbye.',
          },
        },
        { Type: 'Hangup' },
      ],
    });
  });

  it('says a category just sold out instead of reading an empty list', async () => {
    // Prepare: the caller picks Drinks, then every drink sells out.
    const fixture = flowFixture();
    const drinks = ['cola', 'lemon-lime-soda', 'iced-tea', 'bottled-water'];
    const sellOut = async () => {
      for (const item of drinks)
        await fixture.menu.setAvailability(item, false);
    };

    // Act: the drinks list times out once, then star goes back.
    const record = await fixture.call(callerWith('1 3', sellOut, '_ *'));

    // Assess
    expect(heardTexts(record)).toContain(
      'Sorry, that just sold out. Press star to go back.',
    );
    expect(heardTexts(record).at(-1)).toBe('Pizzas, press 1. Sides, 2.');
  });

  it('does not transfer from a number Chime would refuse as caller id', async () => {
    // Prepare: a SIP address where the dialled number should be.
    const fixture = flowFixture({
      settings: { staffPhoneNumber: STAFF_NUMBER },
    });
    const path = join(
      __dirname,
      '..',
      '..',
      'events',
      'sma-new-inbound-call.json',
    );
    const event = JSON.parse(readFileSync(path, 'utf8')) as {
      CallDetails: { Participants: { To: string }[] };
    };
    event.CallDetails.Participants[0]!.To = 'sip:restaurant@example.com';
    const greeting = await fixture.invoke(event);
    const attributes = (greeting as { TransactionAttributes: object })
      .TransactionAttributes;
    const pressZero = {
      ...event,
      InvocationEventType: 'ACTION_SUCCESSFUL',
      Sequence: 2,
      ActionData: {
        Type: 'SpeakAndGetDigits',
        Parameters: {},
        ReceivedDigits: '0',
      },
      CallDetails: { ...event.CallDetails, TransactionAttributes: attributes },
    };

    // Act
    const response = await fixture.invoke(pressZero);

    // Assess
    expect(validateResponse(response).valid).toBe(true);
    expect(JSON.stringify(response)).not.toContain('CallAndBridge');
  });
});
