package dev.lectern.adapters.documents;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Policy: which addresses a server-side fetch may reach. Loopback, private, link-local (which
 * includes cloud metadata services), carrier-grade NAT, multicast, unspecified and unique-local
 * IPv6 addresses are internal.
 */
final class UriPolicy {
  private UriPolicy() {}

  static boolean isInternal(InetAddress address) {
    if (address.isLoopbackAddress()
        || address.isSiteLocalAddress()
        || address.isLinkLocalAddress()
        || address.isAnyLocalAddress()
        || address.isMulticastAddress()) {
      return true;
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      return first == 0
          || first >= 240
          || (first == 100 && second >= 64 && second < 128)
          || (first == 198 && (second == 18 || second == 19))
          || (first == 192 && second == 0 && (b[2] & 0xff) == 0);
    }
    if (address instanceof Inet6Address) {
      boolean uniqueLocal = (b[0] & 0xfe) == 0xfc;
      boolean embedsIpv4 = isNat64(b) || isIpv4Compatible(b);
      if (embedsIpv4) {
        try {
          return isInternal(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
        } catch (java.net.UnknownHostException e) {
          return true;
        }
      }
      return uniqueLocal;
    }
    return true;
  }

  private static boolean isNat64(byte[] b) {
    return b[0] == 0x00 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
  }

  private static boolean isIpv4Compatible(byte[] b) {
    for (int i = 0; i < 12; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }
}
