// The warehouse build's entry (dist/warehouse/dignify.js): defines the global function
// dignify_findings(text) that a Snowflake or BigQuery JavaScript UDF calls (docs/warehouse.md).
import { warehouseFindings } from './portable.js';

(globalThis as unknown as { dignify_findings: typeof warehouseFindings }).dignify_findings = warehouseFindings;
