package ru.journalarchive.synthetic;

import java.util.List;
import java.util.Random;

/**
 * Fictional Russian full names («Фамилия Имя Отчество») made of common surnames, first names and patronymics, with
 * the surname and patronymic agreeing in gender.
 */
final class Names {

    private static final List<String> SURNAMES = List.of(
            "Абрамов", "Алексеев", "Андреев", "Белов", "Беляев", "Богданов", "Борисов", "Быстров", "Васильев",
            "Веселов", "Виноградов", "Волков", "Воробьёв", "Гаврилов", "Голубев", "Горбунов", "Григорьев", "Гусев",
            "Давыдов", "Денисов", "Дмитриев", "Егоров", "Ершов", "Жуков", "Журавлёв", "Зайцев", "Захаров", "Зуев",
            "Иванов", "Ильин", "Калинин", "Карпов", "Киселёв", "Клименко", "Ковалёв", "Козлов", "Комаров",
            "Кондратьев", "Крылов", "Кудрявцев", "Кузнецов", "Лебедев", "Лазарев", "Макаров", "Максимов", "Медведев",
            "Мельников", "Миронов", "Морозов", "Назаров", "Никитин", "Никольский", "Новиков", "Орлов", "Осипов",
            "Павлов", "Панов", "Петров", "Поляков", "Попов", "Прохоров", "Романов", "Савельев", "Самойлов",
            "Сафонов", "Сергеев", "Симонов", "Смирнов", "Соболев", "Соколов", "Соловьёв", "Степанов", "Тарасов",
            "Тихонов", "Титов", "Фёдоров", "Филиппов", "Фомин", "Фролов", "Чернов", "Шевченко", "Широков",
            "Щербаков", "Яковлев", "Ястребов", "Успенский", "Вознесенский", "Троицкий", "Бондаренко", "Левченко");

    private static final List<String> MALE = List.of(
            "Александр", "Алексей", "Андрей", "Арсений", "Артём", "Богдан", "Владимир", "Глеб", "Даниил", "Денис",
            "Дмитрий", "Егор", "Иван", "Илья", "Кирилл", "Лев", "Макар", "Максим", "Марк", "Матвей", "Михаил",
            "Никита", "Николай", "Павел", "Роман", "Савелий", "Семён", "Степан", "Тимофей", "Фёдор", "Ярослав");

    private static final List<String> FEMALE = List.of(
            "Алиса", "Алина", "Анастасия", "Анна", "Валерия", "Варвара", "Вера", "Виктория", "Дарья", "Евгения",
            "Ева", "Екатерина", "Елена", "Елизавета", "Злата", "Ирина", "Кира", "Ксения", "Любовь", "Маргарита",
            "Мария", "Милана", "Надежда", "Наталья", "Ольга", "Полина", "Светлана", "София", "Таисия", "Татьяна",
            "Ульяна", "Юлия");

    /** Patronymics as {male, female} pairs. */
    private static final List<String[]> PATRONYMICS = List.of(
            new String[] {"Александрович", "Александровна"}, new String[] {"Алексеевич", "Алексеевна"},
            new String[] {"Андреевич", "Андреевна"}, new String[] {"Борисович", "Борисовна"},
            new String[] {"Васильевич", "Васильевна"}, new String[] {"Викторович", "Викторовна"},
            new String[] {"Владимирович", "Владимировна"}, new String[] {"Дмитриевич", "Дмитриевна"},
            new String[] {"Евгеньевич", "Евгеньевна"}, new String[] {"Иванович", "Ивановна"},
            new String[] {"Игоревич", "Игоревна"}, new String[] {"Ильич", "Ильинична"},
            new String[] {"Константинович", "Константиновна"}, new String[] {"Максимович", "Максимовна"},
            new String[] {"Михайлович", "Михайловна"}, new String[] {"Николаевич", "Николаевна"},
            new String[] {"Олегович", "Олеговна"}, new String[] {"Павлович", "Павловна"},
            new String[] {"Петрович", "Петровна"}, new String[] {"Романович", "Романовна"},
            new String[] {"Сергеевич", "Сергеевна"}, new String[] {"Юрьевич", "Юрьевна"},
            new String[] {"Фёдорович", "Фёдоровна"}, new String[] {"Кузьмич", "Кузьминична"});

    private Names() {
    }

    /** A random full name of the given gender. */
    static String fullName(Random random, boolean female) {
        String surname = SURNAMES.get(random.nextInt(SURNAMES.size()));
        String first = female ? FEMALE.get(random.nextInt(FEMALE.size())) : MALE.get(random.nextInt(MALE.size()));
        String patronymic = PATRONYMICS.get(random.nextInt(PATRONYMICS.size()))[female ? 1 : 0];
        return (female ? feminine(surname) : surname) + " " + first + " " + patronymic;
    }

    /** The feminine form of a surname: Петров → Петрова, Ильин → Ильина, Успенский → Успенская, Троицкий → Троицкая, Шевченко stays. */
    static String feminine(String surname) {
        if (surname.endsWith("ский") || surname.endsWith("цкий")) {
            return surname.substring(0, surname.length() - 2) + "ая";
        }
        if (surname.endsWith("ов") || surname.endsWith("ев") || surname.endsWith("ёв") || surname.endsWith("ин")) {
            return surname + "а";
        }
        return surname;
    }
}
