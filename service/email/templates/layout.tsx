// Pragmas, because tsx (npm run serve) compiles with the root tsconfig, whose JSX setting does not reach here.
/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { Body, Button, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from '@react-email/components';
import type { ReactNode } from 'react';

/** Props of the shared frame every Minopa email is drawn in. */
export interface LayoutProps {
  /** The inbox preview line (hidden in the body). */
  preview: string;
  heading: string;
  /** Where the footer's unsubscribe link points (P11: every email carries one). */
  unsubscribeUrl: string;
  children: ReactNode;
}

const fonts = '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif';
const body = { backgroundColor: '#f6f7f9', fontFamily: fonts, margin: 0, padding: '24px 0' };
const container = { backgroundColor: '#ffffff', borderRadius: '8px', margin: '0 auto', maxWidth: '520px', padding: '32px' };
const text = { color: '#1f2328', fontSize: '16px', lineHeight: '24px' };
const small = { color: '#6e7781', fontSize: '13px', lineHeight: '20px' };
const button = { backgroundColor: '#2f6feb', borderRadius: '6px', color: '#ffffff', fontSize: '16px', fontWeight: 600, padding: '12px 20px', textDecoration: 'none' };

/** The shared frame: heading, content, and a footer with the unsubscribe link. */
export function Layout(props: LayoutProps) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{props.preview}</Preview>
      <Body style={body}>
        <Container style={container}>
          <Heading as="h1" style={{ ...text, fontSize: '22px', lineHeight: '30px' }}>
            {props.heading}
          </Heading>
          {props.children}
          <Hr style={{ borderColor: '#d0d7de', margin: '28px 0 16px' }} />
          <Text style={small}>
            Minopa — capture the web into your team&apos;s posts.{' '}
            <Link href={props.unsubscribeUrl} style={{ color: '#6e7781', textDecoration: 'underline' }}>
              Unsubscribe
            </Link>
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

/** A paragraph in the body's style. */
export function P(props: { children: ReactNode }) {
  return <Text style={text}>{props.children}</Text>;
}

/** The one call to action, followed by the same link written out for clients that hide buttons. */
export function Action(props: { href: string; label: string }) {
  return (
    <>
      <Section style={{ margin: '24px 0' }}>
        <Button href={props.href} style={button}>
          {props.label}
        </Button>
      </Section>
      {/* Only in the HTML: in the text version the button already is the written-out link. */}
      <Text style={small} data-skip-in-text="true">
        If the button does not work, copy this link into your browser:{' '}
        <Link href={props.href} style={{ color: '#2f6feb', wordBreak: 'break-all' }}>
          {props.href}
        </Link>
      </Text>
    </>
  );
}

/** A small print paragraph (expiry, "you can ignore this"). */
export function Small(props: { children: ReactNode }) {
  return <Text style={small}>{props.children}</Text>;
}
