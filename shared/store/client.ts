/** The only DynamoDB client: one per process, pointed at DynamoDB Local when DYNAMODB_ENDPOINT is set. */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { env } from '../env.js';

let client: DynamoDBDocumentClient | undefined;

export function db(): DynamoDBDocumentClient {
  if (!client) {
    const { dynamodbEndpoint, region } = env();
    client = DynamoDBDocumentClient.from(
      new DynamoDBClient({ region, ...(dynamodbEndpoint ? { endpoint: dynamodbEndpoint } : {}) }),
      { marshallOptions: { removeUndefinedValues: true } },
    );
  }
  return client;
}

export function tableName(): string {
  return env().tableName;
}
