/**
 * SQS and SNS MessageAttributes from task parameters: `{Name: {DataType, StringValue}}` as the
 * APIs take them, a BinaryValue given as base64 (JSON has no bytes).
 */
import { type Json, isJsonObject } from '../../../asl/json.js';

export interface MessageAttribute {
  DataType: string;
  StringValue?: string;
  BinaryValue?: Uint8Array;
}

export function messageAttributes(value: Json | undefined): Record<string, MessageAttribute> | undefined {
  if (!isJsonObject(value)) return undefined;
  const attributes: Record<string, MessageAttribute> = {};
  for (const [name, attribute] of Object.entries(value)) {
    if (!isJsonObject(attribute)) continue;
    const { DataType, StringValue, BinaryValue } = attribute as Record<string, Json>;
    attributes[name] = {
      DataType: typeof DataType === 'string' ? DataType : 'String',
      ...(typeof StringValue === 'string' ? { StringValue } : {}),
      ...(typeof BinaryValue === 'string' ? { BinaryValue: Buffer.from(BinaryValue, 'base64') } : {}),
    };
  }
  return attributes;
}
