// The interactive API reference (Scalar) for signed-in users, over GET /v1/openapi.json. Loaded on
// demand so its libraries stay out of the first page load. It runs under the app's strict CSP:
// no remote fonts (withDefaultFonts off), no telemetry, no hosted AI assistant or MCP generator, requests only to
// this origin.
import '@scalar/api-reference/style.css';
import { Box } from '@mantine/core';
import { createApiReference } from '@scalar/api-reference';
import { useEffect, useRef } from 'react';
import { useAuthStore } from '../auth/auth-store';

export function DevelopersPage() {
  const host = useRef<HTMLDivElement>(null);
  const token = useAuthStore((s) => s.token);

  useEffect(() => {
    if (!host.current) return;
    const reference = createApiReference(host.current, {
      url: '/v1/openapi.json',
      withDefaultFonts: false,
      telemetry: false,
      hideDarkModeToggle: true,
      // Self-hosted: no hosted AI assistant, no hosted-docs toolbar.
      agent: { disabled: true },
      // Nor its hosted MCP generator (the "Generate MCP", "VS Code" and "Cursor" buttons).
      mcp: { disabled: true },
      showDeveloperTools: 'never',
      authentication: { preferredSecurityScheme: 'bearer', securitySchemes: { bearer: { token: token ?? '' } } },
    });
    return () => reference.destroy();
  }, [token]);

  return <Box ref={host} data-testid="api-reference" mih="80vh" />;
}
