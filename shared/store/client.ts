/** The only DynamoDB client: one per process, pointed at DynamoDB Local when DYNAMODB_ENDPOINT is set. */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { env } from '../env.js';
import { currentRequestSignal, RequestDeadlineExceeded, storeBudget } from './budget.js';
import { asUnavailable } from './faults.js';

let client: DynamoDBDocumentClient | undefined;

export function db(): DynamoDBDocumentClient {
  if (!client) {
    const { dynamodbEndpoint, region } = env();
    const { connectionTimeoutMs, requestTimeoutMs, maxAttempts } = storeBudget();
    client = DynamoDBDocumentClient.from(
      new DynamoDBClient({
        region,
        maxAttempts,
        requestHandler: { connectionTimeout: connectionTimeoutMs, requestTimeout: requestTimeoutMs, throwOnRequestTimeout: true },
        ...(dynamodbEndpoint ? { endpoint: dynamodbEndpoint } : {}),
      }),
      {
        marshallOptions: { removeUndefinedValues: true },
        // No number past 2^53 is written any more (money limits: README); one stored before them (a
        // DynamoDB ADD past it) reads back as the nearest number instead of failing every read of its item.
        unmarshallOptions: { wrapNumbers: (value: string) => Number(value) },
      },
    );
    // Every call of a request carries its deadline signal (./budget.ts), and a store fault leaves the
    // store as the domain's Unavailable (503 + Retry-After in every dialect), so call sites stay unchanged.
    const send = client.send.bind(client) as (command: unknown, options?: object) => Promise<unknown>;
    client.send = (async (command: unknown, options?: object) => {
      const signal = currentRequestSignal();
      try {
        if (signal?.aborted) throw new RequestDeadlineExceeded();
        return await send(command, signal ? { ...options, abortSignal: signal } : options);
      } catch (error) {
        throw asUnavailable(error);
      }
    }) as DynamoDBDocumentClient['send'];
  }
  return client;
}

export function tableName(): string {
  return env().tableName;
}
