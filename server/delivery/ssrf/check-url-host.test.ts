import { describe, expect, it } from "vitest";
import { checkUrlHost } from "./check-url-host";

describe("checkUrlHost", () => {
  it.each([
    "http://127.0.0.1:8080/x",
    "http://[::1]/",
    "http://[::ffff:127.0.0.1]/",
    "http://[::ffff:7f00:1]/",
    "https://10.0.0.5/",
    "http://169.254.169.254/latest/meta-data/",
    "http://0x7f.1/",
    "http://2130706433/",
    "http://017700000001/",
    "http://0/",
    "http://[fe80::1]/",
  ])("refuses the IP-literal %s", (url) => {
    const verdict = checkUrlHost(url, false);
    expect(verdict.allowed).toBe(false);
  });

  it("explains why", () => {
    expect(checkUrlHost("http://[::ffff:127.0.0.1]:9/", false)).toEqual({
      allowed: false,
      reason: "address ::ffff:7f00:1 is loopback (IPv4-mapped 127.0.0.1)",
    });
  });

  it("passes host names (the guarded lookup checks them) and public IPs", () => {
    expect(checkUrlHost("https://hooks.example.com/", false)).toEqual({ allowed: true });
    expect(checkUrlHost("https://8.8.8.8/", false)).toEqual({ allowed: true });
    expect(checkUrlHost("https://[2606:4700:4700::1111]/", false)).toEqual({ allowed: true });
  });

  it("allows private literals when private networks are allowed", () => {
    expect(checkUrlHost("http://127.0.0.1/", true)).toEqual({ allowed: true });
  });

  it("refuses non-http schemes and invalid URLs either way", () => {
    expect(checkUrlHost("file:///etc/passwd", true).allowed).toBe(false);
    expect(checkUrlHost("ftp://example.com/", false).allowed).toBe(false);
    expect(checkUrlHost("not a url", true).allowed).toBe(false);
  });
});
