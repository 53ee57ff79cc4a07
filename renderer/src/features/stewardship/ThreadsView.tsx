import { useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import type { NetworkSnapshot } from '../../../../shared/model/docs/networkDoc';
import { markRead, postMessage, putThread, unreadFor, type ValueSnapshot } from '../../../../shared/value/doc/valueDoc';
import { LOCAL } from '../../session/rooms';
import { useUi } from '../../state/uiStore';
import { newEventId } from '../value/useValue';

/** Threads per project and per milestone, with @mentions and unread markers, synced like the rest. */
export function ThreadsView({ doc, value, net, me, name }: { doc: Y.Doc; value: ValueSnapshot; net: NetworkSnapshot; me: string; name: (id: string) => string }) {
  const notify = useUi((s) => s.notify);
  const [open, setOpen] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [title, setTitle] = useState('');
  const [milestone, setMilestone] = useState('');
  const unread = me ? unreadFor(value, me) : {};
  const safe = (f: () => void) => {
    try {
      f();
    } catch (e) {
      notify((e as Error).message, 'error');
    }
  };
  const create = (e: FormEvent) => {
    e.preventDefault();
    safe(() => {
      const t = putThread(doc, { id: newEventId('th'), title, milestone: milestone || undefined, createdAt: new Date().toISOString() }, LOCAL);
      setTitle('');
      setOpen(t.id);
    });
  };
  const send = (e: FormEvent) => {
    e.preventDefault();
    if (!open || !me) return notify('Choose who you act as first', 'error');
    safe(() => {
      const posted = postMessage(doc, { id: newEventId('msg'), thread: open, author: me, at: new Date().toISOString(), text }, net.people, LOCAL);
      markRead(doc, me, open, Date.parse(posted.at), LOCAL);
      setText('');
    });
  };
  const select = (id: string) => {
    setOpen(id);
    // read up to the newest message shown
    const newest = value.messages.filter((m) => m.thread === id).reduce((t, m) => Math.max(t, Date.parse(m.at)), 0);
    if (me && newest) markRead(doc, me, id, newest, LOCAL);
  };
  const current = value.threads.find((t) => t.id === open);
  return (
    <section className="steward-threads" data-testid="threads">
      <h3>Threads</h3>
      <ul className="list">
        {value.threads.map((t) => (
          <li key={t.id}>
            <button type="button" className={`list-item ${t.id === open ? 'on' : ''}`} onClick={() => select(t.id)} data-testid="thread-item">
              {t.title}
              {t.milestone ? <span className="muted small"> · {value.milestones.find((m) => m.id === t.milestone)?.title}</span> : null}
              {unread[t.id]?.unread ? <span className="steward-unread" data-testid="unread">{unread[t.id].unread}{unread[t.id].mentions ? ' @' : ''}</span> : null}
            </button>
          </li>
        ))}
      </ul>
      <form className="row" onSubmit={create}>
        <input value={title} onChange={(e) => setTitle(e.target.value)} placeholder="New thread" data-testid="thread-title" />
        <select value={milestone} onChange={(e) => setMilestone(e.target.value)} aria-label="About milestone">
          <option value="">whole project</option>
          {value.milestones.map((m) => <option key={m.id} value={m.id}>{m.title}</option>)}
        </select>
        <button type="submit" className="secondary">Start</button>
      </form>
      {current && (
        <div className="steward-thread" data-testid="thread">
          <ol>
            {value.messages.filter((m) => m.thread === current.id).map((m) => (
              <li key={m.id} className={m.mentions.includes(me) ? 'mention' : ''}>
                <strong>{name(m.author)}</strong> <time className="muted small">{m.at.slice(0, 16).replace('T', ' ')}</time>
                <p>{m.text}</p>
              </li>
            ))}
          </ol>
          <form className="row" onSubmit={send}>
            <input value={text} onChange={(e) => setText(e.target.value)} placeholder="Write… (@Name mentions)" data-testid="message-text" />
            <button type="submit">Send</button>
          </form>
        </div>
      )}
    </section>
  );
}
