// A generated news-like article of about `bytes` bytes, from our own template sentences (no
// outside text), for the UI benchmark and the responsiveness test.
export function article(bytes) {
  const people = ['Jane Doe', 'Rui Costa', 'Amina Okafor', 'Li Wei', 'Sam Roe', 'Kofi Mensah', 'Omar Haddad', 'Ines Duarte'];
  const places = ['Santos', 'Lagos', 'Geneva', 'Osaka', 'Denver', 'Lisbon'];
  const dates = ['on March 2', 'last year', 'in February', 'on Friday', 'in 2019', 'three days ago', 'on January 14, 2020'];
  let out = 'Harbour talks continue\nUpdated 10:00, 24-Mar-2021\nBy Jane Doe\n';
  for (let i = 0; out.length < bytes; i++) {
    const p = people[i % people.length], q = people[(i * 7 + 3) % people.length];
    out += `${p} met ${q} in ${places[i % places.length]} ${dates[(i * 5) % dates.length]}, officials said. ` +
      `The talks covered trade, ports and a two-day visit starting March 22. Mr. ${q.split(' ')[1]} said the U.S. and the United Nations would follow up.\n`;
  }
  return out;
}
