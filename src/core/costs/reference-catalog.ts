/** Dollars as written in the catalog ("2.933908") to integer micro-dollars. */
export const usd = (dollars: string) => {
  const [whole, fraction = ""] = dollars.split(".");
  return BigInt(whole!) * 1_000_000n + BigInt(fraction.padEnd(6, "0").slice(0, 6));
};

/**
 * The reference prices of PRODUCT.md (GCP, mid-2018, per GPU-hour; N1 vCPU and GB-hour) and a
 * current price for the newer machines' cloud equivalent. Effective dates start before the
 * first machine went into service so every held hour has a price.
 */
export const REFERENCE_PRICES = [
  { provider: "GCP", sku: "gcp-k80", unit: "gpu_hour", price: "0.45", from: "2018-01-01", note: "GCP GPU-hour, June 2018 (the founding blog post)" },
  { provider: "GCP", sku: "gcp-p100", unit: "gpu_hour", price: "1.46", from: "2018-01-01", note: "GCP GPU-hour, June 2018 (the founding blog post)" },
  { provider: "GCP", sku: "gcp-v100", unit: "gpu_hour", price: "2.48", from: "2018-01-01", note: "GCP GPU-hour, June 2018 (the founding blog post)" },
  { provider: "GCP", sku: "gcp-tpu-v2", unit: "gpu_hour", price: "6.50", from: "2018-01-01", note: "GCP TPU-hour, June 2018 (the founding blog post)" },
  { provider: "GCP", sku: "gcp-a100-40gb", unit: "gpu_hour", price: "2.933908", from: "2021-01-01", note: "GCP A100 40GB GPU-hour, us-central1 on-demand (a2-highgpu GPU share)" },
  { provider: "GCP", sku: "gcp-n1-vcpu", unit: "vcpu_hour", price: "0.031611", from: "2018-01-01", note: "GCP us-central1 N1 vCPU-hour (also OpenCost configs/default.json)" },
  { provider: "GCP", sku: "gcp-n1-ram-gb", unit: "gb_hour", price: "0.004237", from: "2018-01-01", note: "GCP us-central1 N1 GB-hour (also OpenCost configs/default.json)" },
  { provider: "AWS", sku: "aws-p3.2xlarge", unit: "gpu_hour", price: "3.06", from: "2018-01-01", note: "AWS p3.2xlarge on-demand, 1 V100 with CPU and RAM bundled, 2018" },
] as const;

/** Which catalog SKU prices which card: the founders priced a 1080 Ti as a P100. */
export const REFERENCE_CLOUD_EQUIVALENTS: Record<string, string> = {
  "GTX 1080 Ti": "gcp-p100",
  "RTX 3090": "gcp-v100",
  "RTX 4090": "gcp-a100-40gb",
  "RTX 5090": "gcp-a100-40gb",
};

/** The reference catalog's cloud equivalent for a GPU model of this name, if it knows the card. */
export function referenceCloudSku(gpuModelName: string): string | null {
  const key = Object.keys(REFERENCE_CLOUD_EQUIVALENTS).find((name) => name.toLowerCase() === gpuModelName.trim().toLowerCase());
  return key ? REFERENCE_CLOUD_EQUIVALENTS[key]! : null;
}
