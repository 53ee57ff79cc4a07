/** Given and family names by world region, for readable synthetic people. */
export const NAMES: Readonly<Record<string, { given: readonly string[]; family: readonly string[] }>> = {
  europe: {
    given: ['Ana', 'João', 'Lucía', 'Mateo', 'Camille', 'Louis', 'Sofia', 'Lukas', 'Emma', 'Jonas', 'Freya', 'Oskar', 'Aoife', 'Liam', 'Giulia', 'Marco', 'Zofia', 'Jakub', 'Eleni', 'Nikos', 'Ingrid', 'Mikko', 'Marta', 'Pieter', 'Clara', 'Elif'],
    family: ['Sousa', 'Ferreira', 'García', 'Romero', 'Dubois', 'Laurent', 'Rossi', 'Bianchi', 'Müller', 'Schmidt', 'Jansen', 'de Vries', 'Nielsen', 'Lindqvist', 'Murphy', 'Kowalska', 'Novák', 'Papadopoulos', 'Virtanen', 'Horvath', 'Peeters', 'Walsh', 'Costa', 'Yılmaz'],
  },
  africa: {
    given: ['Amara', 'Kwame', 'Wanjiru', 'Chidi', 'Ngozi', 'Thabo', 'Zanele', 'Kofi', 'Aisha', 'Yusuf', 'Imani', 'Jabari', 'Nia', 'Sefu', 'Fatou', 'Olu'],
    family: ['Okafor', 'Mensah', 'Kamau', 'Odhiambo', 'Nkosi', 'Dlamini', 'Adeyemi', 'Mwangi', 'Boateng', 'Uwimana', 'El-Sayed', 'Benali', 'Diallo', 'Achieng'],
  },
  asia: {
    given: ['Priya', 'Arjun', 'Ananya', 'Rohan', 'Mei', 'Wei', 'Hana', 'Kenji', 'Ji-woo', 'Min-jun', 'Siti', 'Budi', 'Linh', 'Minh', 'Ayesha', 'Omar', 'Yuki', 'Tala', 'Nok', 'Rizal'],
    family: ['Sharma', 'Iyer', 'Patel', 'Reddy', 'Tan', 'Lim', 'Sato', 'Tanaka', 'Kim', 'Park', 'Santoso', 'Nguyen', 'Tran', 'Reyes', 'Chen', 'Wang', 'Haddad', 'Suzuki', 'Srisuk'],
  },
  oceania: {
    given: ['Charlotte', 'Jack', 'Olivia', 'Noah', 'Aroha', 'Tane', 'Isla', 'Mia'],
    family: ['Smith', 'Wilson', 'Taylor', 'Ngata', 'Brown', 'Walker', 'Parata'],
  },
  americas: {
    given: ['Olivia', 'Ethan', 'Maya', 'Daniel', 'Valentina', 'Santiago', 'Camila', 'Diego', 'Isabela', 'Gabriel', 'Chloe', 'Noah', 'Renata', 'Tomás', 'Jade', 'Luis', 'Ximena', 'Marcus'],
    family: ['Johnson', 'Williams', 'Brown', 'Martínez', 'Hernández', 'Silva', 'Santos', 'Oliveira', 'Gómez', 'Rodríguez', 'Lee', 'Tremblay', 'Roy', 'Campbell', 'Vargas', 'Castillo', 'Pereira'],
  },
};

export function regionOf(timezone: string): keyof typeof NAMES {
  if (timezone.startsWith('Europe/')) return 'europe';
  if (timezone.startsWith('Africa/')) return 'africa';
  if (timezone.startsWith('Asia/')) return 'asia';
  if (timezone.startsWith('Australia/') || timezone.startsWith('Pacific/')) return 'oceania';
  return 'americas';
}
