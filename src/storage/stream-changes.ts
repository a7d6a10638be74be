/**
 * Reads the table's stream records (as Lambda hands them over, and as the
 * local poller rebuilds them) into plain changes: images unmarshalled
 * from DynamoDB's attribute-value form, the sequence number kept so a
 * failed record can be reported back.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import type { SequencedChange } from '../events/publish-changes';

/** Thrown when a stream record lacks what every DynamoDB record has. */
export class MalformedStreamRecord extends Error {
  constructor(
    readonly eventId: string | undefined,
    readonly missing: string,
  ) {
    super(`stream record ${eventId ?? '(no id)'} has no ${missing}`);
    this.name = 'MalformedStreamRecord';
  }
}

type Image = NonNullable<NonNullable<DynamoDBRecord['dynamodb']>['NewImage']>;

/**
 * The change a stream record describes. Throws
 * {@link MalformedStreamRecord} when the record has no event name or no
 * sequence number.
 */
export function changeFromRecord(record: DynamoDBRecord): SequencedChange {
  const sequenceNumber = record.dynamodb?.SequenceNumber;
  if (sequenceNumber === undefined) {
    throw new MalformedStreamRecord(record.eventID, 'sequence number');
  }
  if (record.eventName === undefined) {
    throw new MalformedStreamRecord(record.eventID, 'event name');
  }

  return {
    sequenceNumber,
    eventName: record.eventName,
    oldImage: readImage(record.dynamodb?.OldImage),
    newImage: readImage(record.dynamodb?.NewImage),
  };
}

function readImage(
  image: Image | undefined,
): Record<string, unknown> | undefined {
  // Lambda's typings describe the same JSON as the SDK's, binary aside
  // (base64 text here, bytes there); order items hold no binary.
  return image && unmarshall(image as Record<string, AttributeValue>);
}
