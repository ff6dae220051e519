import { Fragment, type ReactNode } from 'react';

/**
 * Places elements (a link, a bold name) into a translated sentence. The message keeps its `{name}`
 * placeholders (a catalog's `t(key)` leaves placeholders it has no value for), so each language puts
 * them where its word order needs: "We sent a link to {email}." / "Wir haben einen Link an {email} gesendet."
 */
export function Interpolate({ text, values }: { text: string; values: Record<string, ReactNode> }) {
  const pieces = text.split(/(\{\w+\})/);
  return (
    <>
      {pieces.map((piece, index) => {
        const name = /^\{(\w+)\}$/.exec(piece)?.[1];
        return <Fragment key={index}>{name !== undefined && name in values ? values[name] : piece}</Fragment>;
      })}
    </>
  );
}
