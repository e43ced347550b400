package ru.journalarchive.synthetic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A realistic weekly curriculum per grade (after the federal basic curricula), with the school subjects, the topics
 * they cycle through and the kind of written work they set.
 */
final class Curriculum {

    /** A subject of the curriculum; {@code marked} is false for courses graded only «зачёт» (ОРКСЭ, ОДНКНР). */
    record Subject(String id, String name, boolean marked, boolean split, String writtenWork, List<String> topics) {
    }

    /** A subject with its weekly hours in one grade. */
    record Hours(Subject subject, int perWeek) {
    }

    static final Map<String, Subject> SUBJECTS = new LinkedHashMap<>();

    static {
        subject("rus", "Русский язык", true, false, "Д", "Звуки и буквы", "Слово и предложение", "Состав слова",
                "Правописание безударных гласных в корне", "Имя существительное", "Имя прилагательное", "Глагол",
                "Местоимение", "Синтаксис и пунктуация", "Однородные члены предложения", "Сложное предложение",
                "Прямая речь", "Развитие речи: изложение", "Развитие речи: сочинение-описание");
        subject("litread", "Литературное чтение", true, false, "У", "Устное народное творчество", "Русские народные сказки",
                "Стихи русских поэтов о природе", "Басни И. А. Крылова", "Сказки А. С. Пушкина", "Рассказы Л. Н. Толстого",
                "Рассказы о животных", "Произведения о детях", "Литературные сказки");
        subject("lit", "Литература", true, false, "СР", "Мифы и легенды", "Былины", "Басня как жанр",
                "Творчество А. С. Пушкина", "Творчество М. Ю. Лермонтова", "Повести Н. В. Гоголя",
                "Рассказы И. С. Тургенева", "Творчество Н. А. Некрасова", "Рассказы А. П. Чехова",
                "Лирика XX века", "Развитие речи: подготовка к сочинению");
        subject("eng", "Английский язык", true, true, "СР", "Знакомство и приветствие", "Моя семья", "Мой дом",
                "Школьная жизнь", "Времена года и погода", "Покупки", "Путешествия", "Present Simple",
                "Past Simple", "Степени сравнения прилагательных", "Чтение и перевод текста", "Аудирование");
        subject("math", "Математика", true, false, "КР", "Натуральные числа", "Сложение и вычитание",
                "Умножение и деление", "Решение текстовых задач", "Дроби", "Десятичные дроби", "Проценты",
                "Уравнения", "Площадь и периметр", "Единицы измерения величин", "Порядок действий");
        subject("alg", "Алгебра", true, false, "КР", "Выражения и их преобразования", "Линейные уравнения",
                "Системы уравнений", "Степень с натуральным показателем", "Многочлены", "Формулы сокращённого умножения",
                "Квадратные уравнения", "Неравенства", "Функции и их графики", "Арифметическая прогрессия");
        subject("geom", "Геометрия", true, false, "КР", "Начальные геометрические сведения", "Треугольники",
                "Признаки равенства треугольников", "Параллельные прямые", "Четырёхугольники", "Площади фигур",
                "Подобные треугольники", "Окружность", "Векторы", "Теорема Пифагора");
        subject("prob", "Вероятность и статистика", true, false, "СР", "Представление данных", "Описательная статистика",
                "Случайная изменчивость", "Случайные события", "Вероятность события", "Комбинаторика");
        subject("inf", "Информатика", true, false, "ПР", "Информация и информационные процессы",
                "Устройство компьютера", "Файловая система", "Системы счисления", "Алгоритмы и исполнители",
                "Программирование на Python: ветвления", "Программирование на Python: циклы", "Электронные таблицы");
        subject("okr", "Окружающий мир", true, false, "ПР", "Природа и человек", "Неживая природа", "Растения",
                "Животные", "Наша Родина — Россия", "Времена года", "Здоровье и безопасность", "Родной край");
        subject("hist", "История", true, false, "СР", "Древний Египет", "Древняя Греция", "Древний Рим",
                "Русь в IX–XII веках", "Московское государство", "Смутное время", "Эпоха Петра I",
                "Российская империя в XIX веке", "Великая Отечественная война");
        subject("soc", "Обществознание", true, false, "СР", "Человек и общество", "Семья", "Экономика",
                "Право", "Государство", "Духовная культура", "Социальные отношения");
        subject("geo", "География", true, false, "ПР", "Изображения земной поверхности", "Литосфера", "Гидросфера",
                "Атмосфера", "Биосфера", "Природные зоны", "Население мира", "География России");
        subject("bio", "Биология", true, false, "ЛР", "Клетка", "Ткани", "Растения", "Грибы", "Животные",
                "Человек и его здоровье", "Экосистемы", "Генетика");
        subject("phys", "Физика", true, false, "ЛР", "Физические величины и их измерение", "Строение вещества",
                "Механическое движение", "Силы в природе", "Давление", "Работа и мощность", "Тепловые явления",
                "Электрические явления", "Световые явления");
        subject("chem", "Химия", true, false, "ЛР", "Первоначальные химические понятия", "Атомы и молекулы",
                "Периодический закон", "Строение вещества", "Химические реакции", "Растворы", "Кислоты и основания");
        subject("obzr", "Основы безопасности и защиты Родины", true, false, "ПР", "Безопасность в быту",
                "Безопасность на дорогах", "Первая помощь", "Чрезвычайные ситуации", "Основы обороны государства");
        subject("music", "Музыка", true, false, "У", "Музыка народов России", "Классическая музыка",
                "Музыкальные инструменты", "Музыка театра и кино", "Хоровое пение");
        subject("art", "Изобразительное искусство", true, false, "ПР", "Рисунок", "Живопись", "Декоративно-прикладное искусство",
                "Народные промыслы", "Архитектура", "Композиция");
        subject("tech", "Труд (технология)", true, false, "ПР", "Работа с бумагой", "Работа с тканью",
                "Конструирование", "Проектная работа", "Технологии обработки материалов", "Робототехника");
        subject("pe", "Физическая культура", true, false, "У", "Лёгкая атлетика", "Гимнастика", "Спортивные игры: баскетбол",
                "Спортивные игры: волейбол", "Лыжная подготовка", "Подвижные игры");
        subject("orkse", "Основы религиозных культур и светской этики", false, false, "У", "Россия — наша Родина",
                "Культура и мораль", "Праздники народов России", "Семейные ценности");
        subject("odnknr", "Основы духовно-нравственной культуры народов России", false, false, "У",
                "Культура как форма социального опыта", "Семья — хранитель духовных ценностей",
                "Культурное многообразие России");
        subject("proj", "Индивидуальный проект", true, false, "ПР", "Выбор темы проекта", "Постановка цели и задач",
                "Работа с источниками", "Оформление проекта");
    }

    private static void subject(String id, String name, boolean marked, boolean split, String writtenWork,
            String... topics) {
        SUBJECTS.put(id, new Subject(id, name, marked, split, writtenWork, List.of(topics)));
    }

    private Curriculum() {
    }

    /** The weekly hours of grade {@code grade}, most important subjects first (the order a cut keeps). */
    static List<Hours> forGrade(int grade) {
        String plan = switch (grade) {
            case 1 -> "rus:5 litread:4 math:4 okr:2 pe:3 music:1 art:1 tech:1";
            case 2, 3 -> "rus:5 litread:4 math:4 eng:2 okr:2 pe:2 music:1 art:1 tech:1";
            case 4 -> "rus:5 litread:3 math:4 eng:2 okr:2 orkse:1 pe:2 music:1 art:1 tech:1";
            case 5 -> "rus:5 lit:3 math:5 eng:3 hist:2 geo:1 bio:1 pe:2 music:1 art:1 tech:2 odnknr:1";
            case 6 -> "rus:6 lit:3 math:5 eng:3 hist:2 soc:1 geo:1 bio:1 pe:2 music:1 art:1 tech:2 odnknr:1";
            case 7 -> "rus:4 lit:2 alg:3 geom:2 eng:3 phys:2 hist:2 soc:1 geo:2 bio:1 prob:1 inf:1 pe:2 music:1 art:1 tech:2";
            case 8 -> "rus:3 lit:2 alg:3 geom:2 eng:3 phys:2 chem:2 hist:2 soc:1 geo:2 bio:2 prob:1 inf:1 obzr:1 pe:2 tech:1";
            case 9 -> "rus:3 lit:3 alg:3 geom:2 eng:3 phys:3 chem:2 hist:2 soc:1 geo:2 bio:2 prob:1 inf:1 obzr:1 pe:2 tech:1";
            case 10 -> "rus:2 lit:3 alg:4 geom:3 eng:3 phys:2 chem:1 hist:2 soc:2 geo:1 bio:1 prob:1 inf:1 obzr:1 pe:2 proj:1";
            default -> "rus:2 lit:3 alg:4 geom:3 eng:3 phys:2 chem:1 hist:2 soc:2 geo:1 bio:1 prob:1 inf:1 obzr:1 pe:2";
        };
        List<Hours> hours = new ArrayList<>();
        for (String item : plan.split(" ")) {
            String[] parts = item.split(":");
            hours.add(new Hours(SUBJECTS.get(parts[0]), Integer.parseInt(parts[1])));
        }
        return hours;
    }

    /** Whether grade {@code grade} is taught by one primary-school teacher for its core subjects. */
    static boolean primaryCore(int grade, String subjectId) {
        return grade <= 4 && List.of("rus", "litread", "math", "okr", "art", "tech").contains(subjectId);
    }
}
