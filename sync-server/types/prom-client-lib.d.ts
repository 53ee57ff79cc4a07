// prom-client's own files for the four metric types the relay uses (see metrics.ts): its index also
// loads the default process metrics, the push gateway, the cluster aggregator and the summary's
// t-digest, which the relay does not use. Typed as the index types them.
declare module 'prom-client/lib/registry.js' {
  import { Registry } from 'prom-client';
  export default Registry;
}
declare module 'prom-client/lib/counter.js' {
  import { Counter } from 'prom-client';
  export default Counter;
}
declare module 'prom-client/lib/gauge.js' {
  import { Gauge } from 'prom-client';
  export default Gauge;
}
declare module 'prom-client/lib/histogram.js' {
  import { Histogram } from 'prom-client';
  export default Histogram;
}
