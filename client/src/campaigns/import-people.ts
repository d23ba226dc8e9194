// A CSV audience with names or other columns: its people are saved as the channel's contacts first
// (name, attributes), so the message's {{contact.name}} and {{bairro}} read them when it goes out.
// Without this only the phone numbers were kept and those parameters went out empty.
import { contactsApi } from '../contacts/contacts-api';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** True once the import has finished; false when it failed or took longer than two minutes. Throws when refused. */
export async function importPeople(csv: string, channelId: string): Promise<boolean> {
  const { id } = await contactsApi.startImport(csv, channelId);
  for (let i = 0; i < 240; i++) {
    const job = await contactsApi.getImport(id);
    if (job.status === 'completed') return true;
    if (job.status === 'failed') return false;
    await pause(500);
  }
  return false;
}
