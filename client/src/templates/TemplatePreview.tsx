import { Box, Stack, Text } from '@mantine/core';
import { templateView, type TemplateComponent } from '@zyntra/flows-schema';
import { Fragment } from 'react';
import classes from './TemplatePreview.module.css';
import { TemplateButtonList, TemplateFileHeader, TemplateFooter } from './TemplateParts';

/** Fills {{n}} with its example; a variable without one stays visible, highlighted. */
function filled(text: string, examples: string[]) {
  return text.split(/(\{\{\s*\d+\s*\}\})/).map((part, i) => {
    const n = /^\{\{\s*(\d+)\s*\}\}$/.exec(part)?.[1];
    if (!n) return <Fragment key={i}>{part}</Fragment>;
    const value = examples[Number(n) - 1];
    return value ? <Fragment key={i}>{value}</Fragment> : <span key={i} className={classes.variable}>{part}</span>;
  });
}

/** The template as a WhatsApp chat shows it: a message bubble on the chat wallpaper, buttons under it. */
export function TemplatePreview({ components }: { components: TemplateComponent[] }) {
  const header = components.find((c) => c.type === 'HEADER');
  const body = components.find((c) => c.type === 'BODY');
  // The header's file, the footer and the buttons as the inbox shows a sent template.
  const parts = templateView(components, { name: '', language: '', parameters: {} });
  return (
    <Box className={classes.wallpaper} data-testid="template-preview">
      <Stack gap={2} className={classes.column}>
        <Box className={classes.bubble}>
          {header?.format === 'TEXT' && header.text && <Text fw={700} size="sm" mb={4}>{filled(header.text, header.example?.header_text ?? [])}</Text>}
          {parts.header && parts.header.type !== 'text' && <TemplateFileHeader header={parts.header} />}
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{filled(body?.text ?? '', body?.example?.body_text[0] ?? [])}</Text>
          {parts.footer && <TemplateFooter text={parts.footer} />}
          <Text className={classes.time}>12:00</Text>
        </Box>
        <TemplateButtonList buttons={parts.buttons ?? []} />
      </Stack>
    </Box>
  );
}
