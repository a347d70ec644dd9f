// /metrics answers text, not JSON: declared so /openapi.json names its media type.
import { Type } from 'typebox';

export const PrometheusText = Type.String({ contentMediaType: 'text/plain; version=0.0.4', description: "Prometheus's text exposition format" });
