/**
 * The module-init baseline of SPEC §6: a handler that only imports the DynamoDB document client and
 * creates it at module scope (as a Lambda would), built with the same esbuild options as every function.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));

export const handler = async () => ({ statusCode: 200, body: JSON.stringify({ ok: typeof client.send === 'function' }) });
