import { describe, expect, it } from "vitest";
import { classifyAddress } from "./classify-address";

// Classification only: nothing here opens a connection.
function reasonOf(ip: string): string {
  const verdict = classifyAddress(ip);
  if (verdict.allowed) throw new Error(`${ip} was allowed`);
  return verdict.reason;
}

describe("classifyAddress", () => {
  it.each([
    ["0.0.0.0", "unspecified"],
    ["0.1.2.3", "unspecified"],
    ["10.0.0.5", "private"],
    ["10.255.255.255", "private"],
    ["100.64.0.1", "carrier-grade NAT"],
    ["100.127.255.254", "carrier-grade NAT"],
    ["127.0.0.1", "loopback"],
    ["127.0.0.2", "loopback"],
    ["127.255.255.254", "loopback"],
    ["169.254.0.1", "link-local"],
    ["169.254.169.254", "link-local (cloud metadata)"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.0.0.8", "reserved"],
    ["192.0.2.1", "documentation"],
    ["192.168.1.1", "private"],
    ["198.18.0.1", "benchmarking"],
    ["198.19.255.255", "benchmarking"],
    ["198.51.100.7", "documentation"],
    ["203.0.113.9", "documentation"],
    ["224.0.0.1", "multicast"],
    ["239.255.255.250", "multicast"],
    ["240.0.0.1", "reserved"],
    ["255.255.255.255", "broadcast"],
  ])("refuses IPv4 %s (%s)", (ip, what) => {
    const reason = reasonOf(ip);
    expect(reason).toContain(ip);
    expect(reason).toContain(what);
  });

  it("words reasons plainly", () => {
    expect(reasonOf("10.0.0.5")).toBe("address 10.0.0.5 is private");
    expect(reasonOf("127.0.0.1")).toBe("address 127.0.0.1 is loopback");
    expect(reasonOf("169.254.169.254")).toBe("address 169.254.169.254 is link-local (cloud metadata)");
  });

  it.each([
    ["::", "unspecified"],
    ["::1", "loopback"],
    ["0:0:0:0:0:0:0:1", "loopback"],
    ["fc00::1", "unique local"],
    ["fd12:3456:789a::1", "unique local"],
    ["fe80::1", "link-local"],
    ["fe80::1%eth0", "link-local"],
    ["febf:ffff::1", "link-local"],
    ["ff02::1", "multicast"],
    ["2001:db8::1", "documentation"],
    ["FC00::ABCD", "unique local"],
    ["[::1]", "loopback"],
  ])("refuses IPv6 %s (%s)", (ip, what) => {
    expect(reasonOf(ip)).toContain(what);
  });

  it.each([
    ["::ffff:127.0.0.1", "loopback", "127.0.0.1"],
    ["::ffff:7f00:1", "loopback", "127.0.0.1"],
    ["::FFFF:7F00:0001", "loopback", "127.0.0.1"],
    ["0:0:0:0:0:ffff:7f00:1", "loopback", "127.0.0.1"],
    ["::ffff:10.0.0.5", "private", "10.0.0.5"],
    ["::ffff:a9fe:a9fe", "cloud metadata", "169.254.169.254"],
    ["::ffff:c0a8:101", "private", "192.168.1.1"],
    ["::ffff:0.0.0.0", "unspecified", "0.0.0.0"],
    ["::127.0.0.1", "loopback", "127.0.0.1"],
    ["::7f00:1", "loopback", "127.0.0.1"],
    ["::10.1.2.3", "private", "10.1.2.3"],
    ["64:ff9b::127.0.0.1", "loopback", "127.0.0.1"],
    ["64:ff9b::a9fe:a9fe", "cloud metadata", "169.254.169.254"],
    ["::ffff:0:127.0.0.1", "loopback", "127.0.0.1"],
    ["2002:7f00:1::", "loopback", "127.0.0.1"],
  ])("classifies the IPv4 inside %s", (ip, what, inner) => {
    const reason = reasonOf(ip);
    expect(reason).toContain(what);
    expect(reason).toContain(inner);
  });

  it.each([
    "8.8.8.8",
    "1.1.1.1",
    "93.184.216.34",
    "2606:4700:4700::1111",
    "2001:4860:4860::8888",
    "::ffff:8.8.8.8",
    "64:ff9b::808:808",
    "172.32.0.1",
    "100.128.0.1",
    "11.0.0.1",
  ])("allows public %s", (ip) => {
    expect(classifyAddress(ip)).toEqual({ allowed: true });
  });

  it.each(["", "localhost", "example.com", "999.1.1.1", "1.2.3", "010.0.0.1", "1::2::3", "http://1.2.3.4/"])(
    "refuses %j as not an IP address",
    (text) => {
      expect(reasonOf(text)).toContain("is not an IP address");
    },
  );
});
